using System.Text;
using ByzerSharp.DataSources.Files;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Csv;

/// <summary>
/// Spark's CSV source on DuckDB's reader: header (false), delimiter/sep, quote, escape,
/// inferSchema (false: every column a string), nullValue, emptyValue, encoding,
/// skipFirstNLines/skipLastNLines; without a header the columns are _c0, _c1, ….
/// Saves write part files (header false by default).
/// </summary>
public sealed class CsvDataSource : IDataSource
{
    /// <summary>The types Spark's CSV inference can produce, narrowest first (DuckDB picks the first that fits every row).</summary>
    private const string TypeCandidates = "['BOOLEAN', 'INTEGER', 'BIGINT', 'DOUBLE', 'TIMESTAMP', 'DATE', 'VARCHAR']";

    public string Name => "csv";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var files = DuckDbFileReader.Expand(context);
        var decoded = CsvEncoding.ToUtf8(context, files);
        var sql = ReadSql(context, decoded, DuckDbFileReader.Hive(context, decoded));
        return context.Define(DuckDbFileReader.DecodePartitions(context, sql, decoded), TableKind.View, "load csv");
    }

    /// <summary>The SELECT that reads UTF-8 CSV files with Spark's options (shared with csvStr).</summary>
    public static string ReadSql(LoadContext context, IReadOnlyList<string> files, bool hive)
    {
        var o = context.Options;
        var header = o.GetBool("header", false);
        var infer = o.GetBool("inferSchema", false);
        var args = new StringBuilder(Sql.StrList(files));
        args.Append(", header=").Append(Sql.Bool(header));
        args.Append(", delim=").Append(Sql.Str(CharOption(context, o.Has("delimiter") ? "delimiter" : "sep", ",", allowSeveral: true)));
        args.Append(", quote=").Append(Sql.Str(CharOption(context, "quote", "\"")));
        if (o.Has("escape"))
        {
            args.Append(", escape=").Append(Sql.Str(CharOption(context, "escape", "\\")));
        }
        // Spark reads an empty unquoted field as null, and nullValue as null too.
        var nulls = new List<string> { "" };
        if (o.Get("nullValue") is { Length: > 0 } nullValue)
        {
            nulls.Add(nullValue);
        }
        args.Append(", nullstr=").Append(Sql.StrList(nulls)).Append(", allow_quoted_nulls=false");
        var skip = o.GetInt("skipFirstNLines", 0, min: 0);
        if (skip > 0)
        {
            args.Append(", skip=").Append(skip);
        }
        args.Append(", all_varchar=").Append(Sql.Bool(!infer));
        if (infer)
        {
            args.Append(", auto_type_candidates=").Append(TypeCandidates).Append(", sample_size=-1");
        }
        args.Append(", hive_partitioning=").Append(Sql.Bool(hive));
        args.Append(", null_padding=true, strict_mode=false");
        var read = $"read_csv({args})";
        var columns = context.Session.Database.Describe("SELECT * FROM " + read, context.Statement.Span);
        var dataColumns = columns.Count(c => !hive || !HiveColumn(files, c.Name));
        var emptyValue = o.Get("emptyValue");
        var select = string.Join(", ", columns.Select((c, i) =>
        {
            var name = header || i >= dataColumns ? c.Name : "_c" + i;
            var value = emptyValue is not null && c.DuckType == "VARCHAR" && i < dataColumns
                ? $"CASE WHEN {Sql.Ident(c.Name)} = '' THEN {Sql.Str(emptyValue)} ELSE {Sql.Ident(c.Name)} END"
                : Sql.Ident(c.Name);
            return $"{value} AS {Sql.Ident(name)}";
        }));
        var sql = $"SELECT {select} FROM {read}";
        var skipLast = o.GetInt("skipLastNLines", 0, min: 0);
        if (skipLast > 0)
        {
            sql = $"SELECT * EXCLUDE (__byzer_rn, __byzer_n) FROM (SELECT *, row_number() OVER () AS __byzer_rn, count(*) OVER () AS __byzer_n FROM ({sql})) WHERE __byzer_rn <= __byzer_n - {skipLast}";
        }
        return sql;
    }

    private static bool HiveColumn(IReadOnlyList<string> files, string name) =>
        (Path.GetDirectoryName(files[0]) ?? "").Split('/').Any(s => s.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase));

    public SaveSummary Save(SaveContext context)
    {
        RefuseNested(context);
        var o = context.Options;
        var copy = new StringBuilder("FORMAT csv");
        copy.Append(", HEADER ").Append(Sql.Bool(o.GetBool("header", false)));
        copy.Append(", DELIMITER ").Append(Sql.Str(Unescape(o.Get("delimiter") ?? o.Get("sep") ?? ",")));
        copy.Append(", QUOTE ").Append(Sql.Str(Unescape(o.Get("quote") ?? "\"")));
        if (o.Get("escape") is { } escape)
        {
            copy.Append(", ESCAPE ").Append(Sql.Str(Unescape(escape)));
        }
        if (o.Get("nullValue") is { } nullValue)
        {
            copy.Append(", NULLSTR ").Append(Sql.Str(nullValue));
        }
        return DuckDbFileWriter.Write(context, "csv", copy.ToString());
    }

    /// <summary>
    /// Spark's CSV writer takes atomic types only and fails before writing ("CSV data source does not
    /// support struct&lt;…&gt; data type."); DuckDB would print a struct, map or array as its own text.
    /// </summary>
    private static void RefuseNested(SaveContext context)
    {
        var columns = context.Session.Database.Describe(Catalog.From(context.Table), context.Statement.Span);
        var nested = columns.FirstOrDefault(c => c.SparkType.StartsWith("struct<", StringComparison.Ordinal)
            || c.SparkType.StartsWith("map<", StringComparison.Ordinal) || c.SparkType.StartsWith("array<", StringComparison.Ordinal));
        if (nested is not null)
        {
            throw Diagnostics.ByzerException.Semantic($"CSV data source does not support {nested.SparkType} data type (column {nested.Name})",
                context.Statement.Format.Span,
                "select its fields or to_json(" + nested.Name + ") first, or save as json or parquet");
        }
    }

    /// <summary>A character option after \t, \uXXXX unescaping: one character, as Spark requires (several for the delimiter since Spark 3).</summary>
    private static string CharOption(LoadContext context, string key, string defaultValue, bool allowSeveral = false)
    {
        var raw = context.Options.Get(key);
        if (raw is null)
        {
            return defaultValue;
        }
        var value = Unescape(raw);
        if (value.Length == 0 || (value.Length > 1 && !allowSeveral))
        {
            throw context.Options.Invalid(key, raw, allowSeveral ? "a non-empty separator" : "a single character");
        }
        return value;
    }

    /// <summary>Spark accepts \t and \uXXXX in single-character options.</summary>
    public static string Unescape(string value) => value switch
    {
        "\\t" => "\t",
        "\\n" => "\n",
        "\\r" => "\r",
        "\\\\" => "\\",
        "\\\"" => "\"",
        "\\'" => "'",
        _ when value.StartsWith("\\u", StringComparison.Ordinal) && value.Length == 6 =>
            ((char)Convert.ToInt32(value[2..], 16)).ToString(),
        _ => value,
    };
}
