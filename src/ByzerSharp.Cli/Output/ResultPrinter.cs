using System.Text;
using ByzerSharp.Results;
using Spectre.Console;

namespace ByzerSharp.Cli.Output;

public enum OutputFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>Prints a result table as a terminal table, Spark's show() text when redirected, CSV or JSON.</summary>
public static class ResultPrinter
{
    private const int MaxCellWidth = 60;

    public static void Print(ResultTable? table, OutputFormat format, TextWriter output, bool terminal)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(table is null ? "[]" : JsonRows.Write(table));
                break;
            case OutputFormat.Csv:
                if (table is not null)
                {
                    output.Write(Csv(table));
                }
                break;
            default:
                if (table is null)
                {
                    return;
                }
                if (terminal)
                {
                    Spectre(table, output);
                }
                else
                {
                    output.Write(Show(table));
                }
                break;
        }
    }

    public static string Csv(ResultTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Columns.Select(c => ValueText.Csv(c.Name))).Append('\n');
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(',', row.Select(v => v is null ? "" : ValueText.Csv(ValueText.Format(v)))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Spark's Dataset.show() layout, which Byzer users know from notebooks.</summary>
    public static string Show(ResultTable table)
    {
        var cells = table.Rows.Select(r => r.Select(v => ValueText.Truncate(ValueText.Format(v), MaxCellWidth)).ToArray()).ToList();
        var widths = table.Columns.Select((c, i) => Math.Max(3, Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length)))).ToArray();
        var sb = new StringBuilder();
        var border = "+" + string.Join("+", widths.Select(w => new string('-', w))) + "+\n";
        sb.Append(border);
        sb.Append('|').AppendJoin('|', table.Columns.Select((c, i) => c.Name.PadLeft(widths[i]))).Append("|\n");
        sb.Append(border);
        foreach (var row in cells)
        {
            sb.Append('|').AppendJoin('|', row.Select((v, i) => v.PadLeft(widths[i]))).Append("|\n");
        }
        sb.Append(border);
        return sb.ToString();
    }

    private static void Spectre(ResultTable table, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var t = new Table().Border(TableBorder.Rounded);
        foreach (var c in table.Columns)
        {
            t.AddColumn(new TableColumn(new Markup("[bold]" + Markup.Escape(c.Name) + "[/]\n[grey]" + Markup.Escape(c.SparkType) + "[/]")));
        }
        foreach (var row in table.Rows)
        {
            t.AddRow(row.Select(v => v is null ? new Markup("[grey]null[/]") : new Markup(Markup.Escape(ValueText.Truncate(ValueText.Format(v), MaxCellWidth)))).ToArray());
        }
        console.Write(t);
        console.MarkupLine($"[grey]{table.Rows.Count} row{(table.Rows.Count == 1 ? "" : "s")}[/]");
    }
}
