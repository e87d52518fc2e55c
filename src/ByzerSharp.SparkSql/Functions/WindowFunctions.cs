using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>Ranking and offset window functions; ranks are INT in Spark, BIGINT in DuckDB.</summary>
internal static class WindowFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "window";
        r.Add("row_number", 0, 0, _ => new FnResult("row_number()", SparkType.Int) { Wrap = "CAST({0} AS INTEGER)" }, FnKind.Window);
        // Spark accepts rank(b) and friends: the arguments are the window's ORDER BY expressions.
        foreach (var name in new[] { "rank", "dense_rank" })
        {
            r.Add(name, 0, FunctionLibrary.Variadic, _ => new FnResult($"{name}()", SparkType.Int) { Wrap = "CAST({0} AS INTEGER)" }, FnKind.Window);
        }
        r.Add("ntile", 1, 1, c => new FnResult($"ntile({c.Int(0)})", SparkType.Int) { Wrap = "CAST({0} AS INTEGER)" }, FnKind.Window);
        r.Add("percent_rank", 0, FunctionLibrary.Variadic, _ => new FnResult("percent_rank()", SparkType.Double), FnKind.Window);
        r.Add("cume_dist", 0, 0, _ => new FnResult("cume_dist()", SparkType.Double), FnKind.Window);
        r.Add(["lag", "lead"], 1, 3, c =>
        {
            var offset = c.Count > 1 ? c.Int(1) : "1";
            var type = c.Count > 2 ? TypeCoercion.Wider(c[0].Type, c[2].Type) ?? c[0].Type : c[0].Type;
            var def = c.Count > 2 ? $", {Binding.Binder.CoerceBranch(c[2], type).Sql}" : "";
            var ignore = c.Call.IgnoreNulls ? " IGNORE NULLS" : "";
            return new FnResult($"{c.Call.Name.ToLowerInvariant()}({c[0].Sql}, {offset}{def}{ignore})", type)
            {
                Name = $"{c.Call.Name.ToLowerInvariant()}({c[0].Name}, {(c.Count > 1 ? c[1].Name : "1")}, {(c.Count > 2 ? c[2].Name : "NULL")})",
            };
        }, FnKind.Window);
        r.Add("nth_value", 2, 3, c => new FnResult($"nth_value({c[0].Sql}, {c.Int(1)}{(c.Call.IgnoreNulls ? " IGNORE NULLS" : "")})", c[0].Type), FnKind.Window);
    }
}
