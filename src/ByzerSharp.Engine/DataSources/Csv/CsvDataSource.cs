using System.Text;
using ByzerSharp.DataSources.Files;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;

namespace ByzerSharp.DataSources.Csv;

/// <summary>
/// Spark's CSV source on DuckDB's reader: header (false), delimiter/sep, quote, escape,
/// inferSchema (false: every column a string), nullValue, skipFirstNLines/skipLastNLines;
/// without a header the columns are _c0, _c1, …. Saves write part files (header false by default).
/// </summary>
public sealed class CsvDataSource : IDataSource
{
    public string Name => "csv";

    public string Executor => "duckdb";

    public bool CanLoad => true;

    public bool CanSave => true;

    public TableEntry Load(LoadContext context)
    {
        var (files, hive) = DuckDbFileReader.Files(context);
        return context.Define(ReadSql(context, files, hive), TableKind.View, "load csv");
    }

    /// <summary>The SELECT that reads CSV files with Spark's options (shared with csvStr).</summary>
    public static string ReadSql(LoadContext context, string fileList, bool hive)
    {
        var o = context.Options;
        var header = o.GetBool("header", false);
        var infer = o.GetBool("inferSchema", false);
        var args = new StringBuilder(fileList);
        args.Append(", header=").Append(Sql.Bool(header));
        args.Append(", delim=").Append(Sql.Str(Unescape(o.Get("delimiter") ?? o.Get("sep") ?? ",")));
        args.Append(", quote=").Append(Sql.Str(Unescape(o.Get("quote") ?? "\"")));
        if (o.Get("escape") is { } escape)
        {
            args.Append(", escape=").Append(Sql.Str(Unescape(escape)));
        }
        if (o.Get("nullValue") is { } nullValue)
        {
            args.Append(", nullstr=").Append(Sql.Str(nullValue));
        }
        var skip = o.GetInt("skipFirstNLines", 0, min: 0);
        if (skip > 0)
        {
            args.Append(", skip=").Append(skip);
        }
        args.Append(", all_varchar=").Append(Sql.Bool(!infer));
        args.Append(", hive_partitioning=").Append(Sql.Bool(hive));
        args.Append(", null_padding=true, strict_mode=false");
        var read = $"read_csv({args})";
        var columns = context.Session.Database.Describe("SELECT * FROM " + read, context.Statement.Span);
        var select = header
            ? "*"
            : string.Join(", ", columns.Select((c, i) => c.Name.StartsWith("column", StringComparison.Ordinal) ? $"{Sql.Ident(c.Name)} AS {Sql.Ident("_c" + i)}" : Sql.Ident(c.Name)));
        var sql = $"SELECT {select} FROM {read}";
        var skipLast = o.GetInt("skipLastNLines", 0, min: 0);
        if (skipLast > 0)
        {
            sql = $"SELECT * EXCLUDE (__byzer_rn) FROM (SELECT *, row_number() OVER () AS __byzer_rn, count(*) OVER () AS __byzer_n FROM ({sql})) WHERE __byzer_rn <= __byzer_n - {skipLast}";
            sql = $"SELECT * EXCLUDE (__byzer_n) FROM ({sql})";
        }
        return sql;
    }

    public SaveSummary Save(SaveContext context)
    {
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
