using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>
/// explode / posexplode / inline (and _outer), in the select list, in LATERAL VIEW and in FROM,
/// as DuckDB unnest (spark-vs-duckdb.md §1.8).
/// </summary>
internal static class Generators
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer",
    };

    public static bool IsGenerator(string name) => Names.Contains(name);

    /// <summary>The select items (SQL with alias) and output columns a generator produces.</summary>
    public static List<(string Sql, ColumnInfo Column)> BindInSelect(Binder binder, FunctionCall call, Scope scope, string? alias, IReadOnlyList<string>? aliases = null)
    {
        var name = call.Name.ToLowerInvariant();
        if (!IsGenerator(name))
        {
            throw new SqlError($"{call.Name} is not a generator", call.NamePos.Start, call.NamePos.Length, "LATERAL VIEW takes explode, posexplode or inline");
        }
        if (call.Args.Count != 1)
        {
            throw new SqlError($"{name} takes exactly one argument", call.NamePos.Start, call.NamePos.Length);
        }
        var arg = binder.BindExpr(call.Args[0], scope);
        var names = new List<string>(aliases ?? []);
        if (alias is not null)
        {
            names.Insert(0, alias);
        }
        string N(int i, string fallback) => i < names.Count ? names[i] : fallback;
        var result = new List<(string, ColumnInfo)>();
        var positional = name.StartsWith("posexplode", StringComparison.Ordinal);
        var offset = 0;
        switch (arg.Type)
        {
            case ArrayType { Element: StructType st } when name.StartsWith("inline", StringComparison.Ordinal):
                for (var i = 0; i < st.Fields.Count; i++)
                {
                    var f = st.Fields[i];
                    result.Add(($"struct_extract(unnest({arg.Sql}), {Sql.Str(f.Name)}) AS {Sql.Ident(N(i, f.Name))}", new ColumnInfo(N(i, f.Name), f.Type)));
                }
                return result;
            case ArrayType a:
                if (positional)
                {
                    result.Add(($"CAST(generate_subscripts({arg.Sql}, 1) - 1 AS INTEGER) AS {Sql.Ident(N(0, "pos"))}", new ColumnInfo(N(0, "pos"), SparkType.Int)));
                    offset = 1;
                }
                result.Add(($"unnest({arg.Sql}) AS {Sql.Ident(N(offset, "col"))}", new ColumnInfo(N(offset, "col"), a.Element)));
                return result;
            case MapType m:
                if (positional)
                {
                    result.Add(($"CAST(generate_subscripts(map_keys({arg.Sql}), 1) - 1 AS INTEGER) AS {Sql.Ident(N(0, "pos"))}", new ColumnInfo(N(0, "pos"), SparkType.Int)));
                    offset = 1;
                }
                result.Add(($"unnest(map_keys({arg.Sql})) AS {Sql.Ident(N(offset, "key"))}", new ColumnInfo(N(offset, "key"), m.Key)));
                result.Add(($"unnest(map_values({arg.Sql})) AS {Sql.Ident(N(offset + 1, "value"))}", new ColumnInfo(N(offset + 1, "value"), m.Value)));
                return result;
            default:
                throw new SqlError($"{name} needs an array or a map, but {arg.Name} is {arg.Type}", call.Args[0].Pos.Start, call.Args[0].Pos.Length, "explode(split(s, ',')) explodes a delimited string");
        }
    }

    /// <summary>A function in FROM: range(…) or a generator.</summary>
    public static string BindTableFunction(Binder binder, TableFunction f, Scope scope, Scope outer, string generatedAlias)
    {
        var call = f.Call;
        var name = call.Name.ToLowerInvariant();
        var alias = f.Alias ?? generatedAlias;
        if (name == "range")
        {
            var args = call.Args.Select(a => SparkCast.Coerce(binder.BindExpr(a, outer), SparkType.Long).Sql).ToList();
            if (args.Count is < 1 or > 4)
            {
                throw new SqlError("range takes 1 to 4 arguments (start, end, step, partitions)", call.NamePos.Start, call.NamePos.Length);
            }
            var rangeArgs = args.Count == 1 ? $"0, {args[0]}" : string.Join(", ", args.Take(3));
            var col = f.ColumnAliases.Count > 0 ? f.ColumnAliases[0] : "id";
            scope.Relations.Add(new ScopeRelation(f.Alias, alias, [new ColumnInfo(col, SparkType.Long)]));
            return $"(SELECT range AS {Sql.Ident(col)} FROM range({rangeArgs})) AS {Sql.Ident(alias)}";
        }
        if (IsGenerator(name))
        {
            var cols = BindInSelect(binder, call, outer, null, f.ColumnAliases);
            scope.Relations.Add(new ScopeRelation(f.Alias, alias, cols.Select(c => c.Column).ToList()));
            return $"(SELECT {string.Join(", ", cols.Select(c => c.Sql))}) AS {Sql.Ident(alias)}";
        }
        throw new SqlError($"unknown table-valued function '{call.Name}'", call.NamePos.Start, call.NamePos.Length, "FROM supports range(…), explode(…), posexplode(…) and inline(…)");
    }
}
