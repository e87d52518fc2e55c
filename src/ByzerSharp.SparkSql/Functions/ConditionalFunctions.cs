using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>NULL and conditional functions; branches are widened as Spark does (1 and 'a' give string).</summary>
internal static class ConditionalFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "conditional";
        r.Add("coalesce", 1, FunctionLibrary.Variadic, c =>
        {
            var t = Widen(c, 0);
            return new FnResult($"coalesce({string.Join(", ", c.Args.Select(a => Binder.CoerceBranch(a, t).Sql))})", t);
        });
        r.Add(["nvl", "ifnull"], 2, 2, c =>
        {
            var t = Widen(c, 0);
            return new FnResult($"coalesce({Binder.CoerceBranch(c[0], t).Sql}, {Binder.CoerceBranch(c[1], t).Sql})", t);
        });
        r.Add("nvl2", 3, 3, c =>
        {
            var t = Widen(c, 1);
            return new FnResult($"CASE WHEN {c[0].Sql} IS NOT NULL THEN {Binder.CoerceBranch(c[1], t).Sql} ELSE {Binder.CoerceBranch(c[2], t).Sql} END", t);
        });
        r.Add("nullif", 2, 2, c => new FnResult($"CASE WHEN {Compare(c[0], c[1])} THEN NULL ELSE {c[0].Sql} END", c[0].Type));
        r.Add("if", 3, 3, c =>
        {
            var t = Widen(c, 1);
            return new FnResult($"CASE WHEN {c.Bool(0)} THEN {Binder.CoerceBranch(c[1], t).Sql} ELSE {Binder.CoerceBranch(c[2], t).Sql} END", t)
            {
                Name = $"(IF({c[0].Name}, {c[1].Name}, {c[2].Name}))",
            };
        });
        r.Add("isnull", 1, 1, c => new FnResult($"({c[0].Sql} IS NULL)", SparkType.Boolean) { Name = $"({c[0].Name} IS NULL)" });
        r.Add("isnotnull", 1, 1, c => new FnResult($"({c[0].Sql} IS NOT NULL)", SparkType.Boolean) { Name = $"({c[0].Name} IS NOT NULL)" });
        r.Add("equal_null", 2, 2, c => new FnResult($"({c[0].Sql} IS NOT DISTINCT FROM {c[1].Sql})", SparkType.Boolean));
        r.Add("assert_true", 1, 2, c => new FnResult($"CASE WHEN {c.Bool(0)} THEN NULL ELSE error({(c.Count == 2 ? c.Str(1) : Sql.Str($"'{c[0].Name}' is not true!"))}) END", SparkType.Null));
        r.Add("raise_error", 1, 1, c => new FnResult($"error({c.Str(0)})", SparkType.Null));
    }

    private static string Compare(Bound a, Bound b)
    {
        var t = TypeCoercion.Comparison(a.Type, b.Type);
        var ca = t is not null && a.Type.IsString && !t.IsString ? SparkCast.Coerce(a, t) : a;
        var cb = t is not null && b.Type.IsString && !t.IsString ? SparkCast.Coerce(b, t) : b;
        return $"{ca.Sql} = {cb.Sql}";
    }

    /// <summary>Spark's widest type over the arguments from <paramref name="from"/> on.</summary>
    internal static SparkType Widen(FnCall c, int from)
    {
        var types = Enumerable.Range(from, c.Count - from).Select(i => c[i].Type).ToList();
        return TypeCoercion.Wider(types)
            ?? throw c.Error($"{c.Call.Name} cannot mix {string.Join(", ", types.Distinct())}", from, "cast the arguments to one type");
    }
}
