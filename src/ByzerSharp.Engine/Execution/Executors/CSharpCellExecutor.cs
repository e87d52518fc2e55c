using ByzerSharp.DataSources;
using ByzerSharp.Planning;
using ByzerSharp.Plugins;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Execution.Executors;

/// <summary>
/// Runs a <see cref="PlanCSharpCell"/> the way Byzer's notebook runs a cell: as a call of the
/// CSharp ET (<c>run command as CSharp.`` where inputTable=… and outputTable=… and code=…</c>).
/// Every header becomes an option located at its value, and <c>code</c> is the cell body,
/// taken as written (C# is not Byzer text, so ${…} is not substituted in it).
/// </summary>
internal static class CSharpCellExecutor
{
    public static TableEntry? Execute(ByzerSession session, PlanCSharpCell step)
    {
        var cell = step.Cell;
        var entries = new List<(OptionEntry, string)>();
        foreach (var header in cell.Headers)
        {
            var key = header.Key switch
            {
                _ when header.Key.Equals("input", StringComparison.OrdinalIgnoreCase) => "inputTable",
                _ when header.Key.Equals("output", StringComparison.OrdinalIgnoreCase) => "outputTable",
                _ => header.Key,
            };
            var entry = new OptionEntry(key, header.Value, QuoteKind.None, header.KeySpan, header.ValueSpan);
            entries.Add((entry, session.Render(header.Value, header.ValueSpan)));
        }
        entries.Add((new OptionEntry("code", cell.Code, QuoteKind.None, cell.KindSpan, cell.CodeSpan), cell.Code));
        var options = new OptionValues(entries, cell.KindSpan);
        var input = session.Catalog.Get(options.Get("inputTable") ?? "command", options.SpanOf("inputTable"));
        var output = options.Get("outputTable") ?? Guid.NewGuid().ToString("N");
        var et = session.FindEt(step.EtName)!;
        return TrainExecutor.Call(et, new EtContext(session, cell, TrainKind.Run, input, "", options, output));
    }
}
