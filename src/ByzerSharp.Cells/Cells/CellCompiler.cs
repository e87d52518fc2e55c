using System.Reflection;
using ByzerSharp.Scripting;
using ByzerSharp.Text;

namespace ByzerSharp.Cells;

/// <summary>
/// Compiles cell code as a program of top-level statements (so a cell may <c>await</c> and declare
/// classes after its statements), with the usings a cell expects and <c>context</c> in scope
/// everywhere. The user code sits between SourceMap markers: errors and stack traces point into
/// the script.
/// </summary>
internal static class CellCompiler
{
    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using ByzerSharp.Cells;
        global using ByzerSharp.Cells.Files;
        global using ByzerSharp.Cells.Models;
        global using ByzerSharp.Cells.Runtime;
        global using ByzerSharp.Cells.Tables;
        global using OpenCvSharp;
        global using TorchSharp;
        global using static TorchSharp.torch;
        global using static ByzerSharp.Cells.CellGlobals;
        """;

    /// <summary>What cell code can use besides the BCL.</summary>
    public static IReadOnlyList<Assembly> References { get; } =
    [
        typeof(CellContext).Assembly,
        typeof(SparkSql.Types.SparkType).Assembly,
        typeof(OpenCvSharp.Mat).Assembly,
        typeof(TorchSharp.torch).Assembly,
        typeof(Torch.TorchRuntime).Assembly,
    ];

    public static Assembly CompileProgram(string code, SourceSpan codeSpan, SourceSpan statementSpan) =>
        CSharpCompiler.Compile(new CSharpCompileRequest(
            Usings + SourceMap.Begin(codeSpan) + code + SourceMap.End,
            statementSpan,
            References,
            CSharpOutput.Executable));

    /// <summary>Runs the program's entry point to completion (awaiting an async Main).</summary>
    public static void Run(Assembly program)
    {
        var entry = program.EntryPoint ?? throw new InvalidOperationException("the cell compiled without an entry point");
        var result = entry.GetParameters().Length == 0 ? entry.Invoke(null, null) : entry.Invoke(null, [Array.Empty<string>()]);
        if (result is Task task)
        {
            task.GetAwaiter().GetResult();
        }
    }

    /// <summary>Whether compiled user code uses TorchSharp (then its native library must be loaded first).</summary>
    public static bool UsesTorch(Assembly assembly) => TorchUse.In(assembly);
}
