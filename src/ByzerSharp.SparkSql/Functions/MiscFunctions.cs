using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>Functions that need the binder's knowledge (typeof) or have no natural family.</summary>
internal static class MiscFunctions
{
    public static void Register(Registrar r)
    {
        r.Family = "misc";
        // The argument stays in the SQL so that typeof(sum(x)) is still an aggregate.
        r.Add("typeof", 1, 1, c => new FnResult($"CASE WHEN {c[0].Sql} IS NULL THEN {Sql.Str(c[0].Type.ToString())} ELSE {Sql.Str(c[0].Type.ToString())} END", SparkType.String));
        r.Add("spark_partition_id", 0, 0, _ => new FnResult("CAST(0 AS INTEGER)", SparkType.Int) { Name = "SPARK_PARTITION_ID()" });
        r.Add("monotonically_increasing_id", 0, 0, _ => new FnResult("(row_number() OVER () - 1)", SparkType.Long) { Wrap = "CAST({0} AS BIGINT)" });
        r.Add("input_file_name", 0, 0, _ => new FnResult("''", SparkType.String));
        // No file blocks are being read in a select body: Spark's answer outside a file scan.
        r.Add(["input_file_block_start", "input_file_block_length"], 0, 0, _ => new FnResult("CAST(-1 AS BIGINT)", SparkType.Long));
        r.Add("version", 0, 0, _ => new FnResult("'3.3.0 ByzerSharp'", SparkType.String));
    }
}
