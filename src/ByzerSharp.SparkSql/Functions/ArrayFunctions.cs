using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>Array functions and higher-order functions (spark-vs-duckdb.md §1.6): 1-based element_at, size(NULL) = -1, NULL-aware contains.</summary>
internal static class ArrayFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "array";
        r.Add("array", 0, FunctionLibrary.Variadic, c =>
        {
            if (c.Count == 0)
            {
                return new FnResult("CAST([] AS VARCHAR[])", new ArrayType(SparkType.String));
            }
            var t = ConditionalFunctions.Widen(c, 0);
            var element = t.Kind == TypeKind.Null ? SparkType.String : t;
            return new FnResult($"[{string.Join(", ", c.Args.Select(a => Binder.CoerceBranch(a, element).Sql))}]", new ArrayType(element));
        });
        r.Add(["size", "cardinality"], 1, 1, c => c[0].Type is MapType
            ? new FnResult($"CAST(coalesce(cardinality({c[0].Sql}), -1) AS INTEGER)", SparkType.Int)
            : new FnResult($"CAST(coalesce(len({Arr(c, 0).Sql}), -1) AS INTEGER)", SparkType.Int));
        r.Add("array_size", 1, 1, c => new FnResult($"CAST(len({Arr(c, 0).Sql}) AS INTEGER)", SparkType.Int));
        r.Add("element_at", 2, 2, c =>
        {
            if (c[0].Type is MapType m)
            {
                return new FnResult($"{c[0].Sql}[{SparkCast.Coerce(c[1], m.Key).Sql}]", m.Value);
            }
            var a = Arr(c, 0);
            if (c.LiteralString(1) == "0")
            {
                throw c.Error("SQL array indices start at 1", 1, "element_at is 1-based; a[i] is 0-based");
            }
            return new FnResult($"CASE WHEN {c.Int(1)} = 0 THEN error('SQL array indices start at 1') ELSE {a.Sql}[{c.Int(1)}] END", Element(a));
        });
        r.Add("array_contains", 2, 2, c =>
        {
            var a = Arr(c, 0);
            var v = SparkCast.Coerce(c[1], Element(a));
            return new FnResult($"spark_array_contains({a.Sql}, {v.Sql})", SparkType.Boolean);
        });
        r.Add("array_position", 2, 2, c =>
        {
            var a = Arr(c, 0);
            return new FnResult($"CASE WHEN {a.Sql} IS NULL OR {c[1].Sql} IS NULL THEN NULL ELSE CAST(coalesce(list_position({a.Sql}, {SparkCast.Coerce(c[1], Element(a)).Sql}), 0) AS BIGINT) END", SparkType.Long);
        });
        r.Add("array_distinct", 1, 1, c => new FnResult($"spark_array_distinct({Arr(c, 0).Sql})", Arr(c, 0).Type));
        r.Add("array_remove", 2, 2, c =>
        {
            var a = Arr(c, 0);
            return new FnResult($"CASE WHEN {c[1].Sql} IS NULL THEN NULL ELSE list_filter({a.Sql}, lambda __x: __x IS NULL OR __x <> {SparkCast.Coerce(c[1], Element(a)).Sql}) END", a.Type);
        });
        r.Add("array_union", 2, 2, c => new FnResult($"spark_array_distinct(list_concat({Arr(c, 0).Sql}, {Arr(c, 1).Sql}))", Arr(c, 0).Type));
        r.Add("array_intersect", 2, 2, c => new FnResult(
            $"spark_array_distinct(list_filter({Arr(c, 0).Sql}, lambda __x: list_contains({Arr(c, 1).Sql}, __x) OR (__x IS NULL AND list_contains(list_transform({Arr(c, 1).Sql}, lambda __y: __y IS NULL), true))))", Arr(c, 0).Type));
        r.Add("array_except", 2, 2, c => new FnResult(
            $"spark_array_distinct(list_filter({Arr(c, 0).Sql}, lambda __x: NOT (list_contains({Arr(c, 1).Sql}, __x) OR (__x IS NULL AND list_contains(list_transform({Arr(c, 1).Sql}, lambda __y: __y IS NULL), true)))))", Arr(c, 0).Type));
        r.Add("arrays_overlap", 2, 2, c => new FnResult($"list_has_any({Arr(c, 0).Sql}, {Arr(c, 1).Sql})", SparkType.Boolean));
        r.Add("sort_array", 1, 2, c =>
        {
            var asc = c.Count == 1 || c.LiteralString(1) is null or "true";
            return new FnResult(asc ? $"list_sort({Arr(c, 0).Sql}, 'ASC', 'NULLS FIRST')" : $"list_sort({Arr(c, 0).Sql}, 'DESC', 'NULLS LAST')", Arr(c, 0).Type);
        });
        r.Add("array_sort", 1, 1, c => new FnResult($"list_sort({Arr(c, 0).Sql}, 'ASC', 'NULLS LAST')", Arr(c, 0).Type));
        r.Add("array_join", 2, 3, c =>
        {
            var a = Arr(c, 0);
            var list = c.Count == 3 ? $"list_transform({a.Sql}, lambda __x: coalesce(CAST(__x AS VARCHAR), {c.Str(2)}))" : a.Sql;
            return new FnResult($"CASE WHEN {a.Sql} IS NULL OR {c.Str(1)} IS NULL THEN NULL ELSE array_to_string({list}, {c.Str(1)}) END", SparkType.String);
        });
        r.Add("array_max", 1, 1, c => new FnResult($"list_max({Arr(c, 0).Sql})", Element(Arr(c, 0))));
        r.Add("array_min", 1, 1, c => new FnResult($"list_min({Arr(c, 0).Sql})", Element(Arr(c, 0))));
        r.Add("flatten", 1, 1, c => new FnResult($"CASE WHEN list_contains(list_transform({Arr(c, 0).Sql}, lambda __x: __x IS NULL), true) THEN NULL ELSE flatten({Arr(c, 0).Sql}) END", Element(Arr(c, 0))));
        r.Add("slice", 3, 3, c =>
        {
            var a = Arr(c, 0).Sql;
            var s = c.Int(1);
            var n = c.Int(2);
            return new FnResult(
                $"CASE WHEN {s} = 0 THEN error('Unexpected value for start in function slice: SQL array indices start at 1.') WHEN {n} < 0 THEN error('Unexpected value for length in function slice: length must be greater than or equal to 0.') " +
                $"WHEN {s} > 0 THEN list_slice({a}, {s}, {s} + {n} - 1) ELSE list_slice({a}, greatest(len({a}) + {s} + 1, 1), len({a}) + {s} + {n}) END", Arr(c, 0).Type);
        });
        r.Add("sequence", 2, 3, c =>
        {
            var t = TypeCoercion.Wider(c[0].Type, c[1].Type) ?? SparkType.Long;
            if (t.Kind is TypeKind.Date or TypeKind.Timestamp)
            {
                // Dates and timestamps step by an interval (one day by default), through timestamps.
                var from = $"CAST({c[0].Sql} AS TIMESTAMP)";
                var to = $"CAST({c[1].Sql} AS TIMESTAMP)";
                var interval = c.Count == 3 ? c[2].Sql : $"CASE WHEN {from} <= {to} THEN INTERVAL 1 DAY ELSE INTERVAL -1 DAY END";
                return new FnResult($"CAST(generate_series({from}, {to}, {interval}) AS {new ArrayType(t).ToDuck()})", new ArrayType(t));
            }
            var step = c.Count == 3 ? c.Long(2) : $"CASE WHEN {c.Long(0)} <= {c.Long(1)} THEN 1 ELSE -1 END";
            return new FnResult($"CAST(generate_series({c.Long(0)}, {c.Long(1)}, {step}) AS {new ArrayType(t).ToDuck()})", new ArrayType(t));
        });
        r.Add("array_repeat", 2, 2, c => new FnResult($"list_transform(range(greatest({c.Int(1)}, 0)), lambda __i: {c[0].Sql})", new ArrayType(c[0].Type)));
        r.Add("arrays_zip", 1, FunctionLibrary.Variadic, c =>
        {
            var arrays = Enumerable.Range(0, c.Count).Select(i => Arr(c, i)).ToList();
            var names = arrays.Select((a, i) => a.Name.Contains('(', StringComparison.Ordinal) ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : a.Name).ToList();
            var len = $"greatest({string.Join(", ", arrays.Select(a => $"len({a.Sql})"))})";
            var fields = string.Join(", ", arrays.Select((a, i) => $"{Sql.Ident(names[i])} := {a.Sql}[__i]"));
            var type = new StructType(arrays.Select((a, i) => new StructField(names[i], Element(a))).ToList());
            return new FnResult($"list_transform(generate_series(1, {len}), lambda __i: struct_pack({fields}))", new ArrayType(type));
        });

        // Higher-order functions: DuckDB's index parameter is 1-based, Spark's 0-based.
        r.Add("transform", 2, 2, c =>
        {
            var a = Arr(c, 0);
            var (lambda, body) = c.Lambda(1, [Element(a), SparkType.Int], indexParam: 1);
            return new FnResult($"list_transform({a.Sql}, {lambda})", new ArrayType(body.Type)) { Name = $"transform({a.Name}, {body.Name})" };
        });
        r.Add("filter", 2, 2, c =>
        {
            var a = Arr(c, 0);
            var (lambda, body) = c.Lambda(1, [Element(a), SparkType.Int], indexParam: 1);
            return new FnResult($"list_filter({a.Sql}, {lambda})", a.Type) { Name = $"filter({a.Name}, {body.Name})" };
        });
        r.Add("exists", 2, 2, c =>
        {
            var a = Arr(c, 0);
            var (lambda, body) = c.Lambda(1, [Element(a)]);
            // Three-valued: true if any is true, else NULL if any is NULL, else false.
            var t = $"list_transform({a.Sql}, {lambda})";
            return new FnResult($"CASE WHEN list_contains({t}, true) THEN true WHEN list_contains(list_transform({t}, lambda __b: __b IS NULL), true) THEN NULL WHEN {a.Sql} IS NULL THEN NULL ELSE false END", SparkType.Boolean) { Name = $"exists({a.Name}, {body.Name})" };
        });
        r.Add("forall", 2, 2, c =>
        {
            var a = Arr(c, 0);
            var (lambda, body) = c.Lambda(1, [Element(a)]);
            var t = $"list_transform({a.Sql}, {lambda})";
            return new FnResult($"CASE WHEN list_contains({t}, false) THEN false WHEN list_contains(list_transform({t}, lambda __b: __b IS NULL), true) THEN NULL WHEN {a.Sql} IS NULL THEN NULL ELSE true END", SparkType.Boolean) { Name = $"forall({a.Name}, {body.Name})" };
        });
        r.Add(["aggregate", "reduce"], 3, 4, c =>
        {
            var a = Arr(c, 0);
            var zero = c[1];
            var (merge, mergeBody) = c.Lambda(2, [zero.Type, Element(a)]);
            var acc = TypeCoercion.Wider(zero.Type, mergeBody.Type) ?? zero.Type;
            var folded = $"CASE WHEN {a.Sql} IS NULL THEN NULL ELSE list_reduce({a.Sql}, {merge}, CAST({zero.Sql} AS {acc.ToDuck()})) END";
            if (c.Count == 4)
            {
                var (finish, finishBody) = c.Lambda(3, [acc]);
                return new FnResult($"list_transform([{folded}], {finish})[1]", finishBody.Type);
            }
            return new FnResult(folded, acc);
        });
    }

    /// <summary>The argument as an array; a NULL literal becomes an empty-typed NULL array.</summary>
    internal static Bound Arr(FnCall c, int i)
    {
        var a = c[i];
        if (a.Type is ArrayType || a.Type.Kind == TypeKind.Unknown)
        {
            return a;
        }
        if (a.Type.Kind == TypeKind.Null)
        {
            return new Bound("CAST(NULL AS VARCHAR[])", new ArrayType(SparkType.String), a.Name);
        }
        throw c.Error($"argument {i + 1} of {c.Call.Name} requires an array, but {a.Name} is {a.Type}", i, "pass an array, e.g. split(s, ',') or array(…)");
    }

    internal static SparkType Element(Bound a) => a.Type is ArrayType at ? at.Element : SparkType.Unknown;
}
