using System.Collections.Concurrent;
using System.Reflection;
using ByzerException = ByzerSharp.Diagnostics.ByzerException;
using ByzerSharp.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace ByzerSharp.Scripting;

/// <summary>The only place that touches Roslyn, so that a cache hit never loads it.</summary>
internal static class RoslynBuild
{
    private static readonly ConcurrentDictionary<string, MetadataReference> ReferenceCache = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<string>> PlatformAssemblies = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

    public static byte[] Emit(string assemblyName, CSharpCompileRequest request, IReadOnlyList<Assembly> references)
    {
        var tree = CSharpSyntaxTree.ParseText(
            request.Source,
            new CSharpParseOptions(LanguageVersion.Latest),
            path: "generated.cs",
            encoding: System.Text.Encoding.UTF8);
        var options = new CSharpCompilationOptions(
                request.Output == CSharpOutput.Executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Disable,
                allowUnsafe: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Generated wrappers import namespaces the user code may not need.
                ["CS8019"] = ReportDiagnostic.Suppress,
            });
        var compilation = CSharpCompilation.Create(assemblyName, [tree], MetadataReferences(references), options);
        // Errors come from the code as written; only code that compiles gets recursion guards.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw CompileError(request, errors);
        }
        if (RecursionGuard.Apply(compilation, tree) is var guarded && guarded != tree)
        {
            compilation = compilation.ReplaceSyntaxTree(tree, guarded);
        }
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!result.Success)
        {
            throw CompileError(request, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        }
        return image.ToArray();
    }

    private static List<MetadataReference> MetadataReferences(IReadOnlyList<Assembly> extra)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in PlatformAssemblies.Value)
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }
        foreach (var assembly in extra.Append(typeof(SourceSpan).Assembly))
        {
            if (!string.IsNullOrEmpty(assembly.Location))
            {
                byName[Path.GetFileNameWithoutExtension(assembly.Location)] = assembly.Location;
            }
        }
        var list = new List<MetadataReference>(byName.Count);
        foreach (var path in byName.Values)
        {
            if (ReferenceFor(path) is { } reference)
            {
                list.Add(reference);
            }
        }
        return list;
    }

    private static MetadataReference? ReferenceFor(string path)
    {
        if (ReferenceCache.TryGetValue(path, out var cached))
        {
            return cached;
        }
        try
        {
            var reference = MetadataReference.CreateFromFile(path);
            return ReferenceCache.GetOrAdd(path, reference);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static ByzerException CompileError(CSharpCompileRequest request, IReadOnlyList<Diagnostic> errors)
    {
        var first = errors[0];
        var span = Locate(first, request.Span);
        var inCode = CodeLine(first) is { } firstLine ? $" at line {firstLine} of {request.CodeName ?? "the code"}" : "";
        var message = $"C# compile error {first.Id}{inCode}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        var others = errors.Skip(1).Take(3).Select(d =>
        {
            var line = CodeLine(d) is { } codeLine ? $"code line {codeLine}" : $"line {Locate(d, request.Span).Line}";
            return $"{line}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToList();
        var hint = errors.Count == 1
            ? "fix the C# code; it is compiled with C# latest against .NET " + Environment.Version.ToString(2)
            : $"{errors.Count - 1} more error(s): " + string.Join("; ", others) + (errors.Count > 4 ? "; …" : "");
        return ByzerException.Semantic(message, span, hint);
    }

    // The line inside code that is not written in the script, or null for code that is (or for generated code).
    private static int? CodeLine(Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return null;
        }
        var mapped = diagnostic.Location.GetMappedLineSpan();
        return mapped.HasMappedPath && mapped.Path == SourceMap.UnmappedKey ? mapped.StartLinePosition.Line + 1 : null;
    }

    private static SourceSpan Locate(Diagnostic diagnostic, SourceSpan fallback)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return fallback;
        }
        var mapped = diagnostic.Location.GetMappedLineSpan();
        var start = mapped.StartLinePosition;
        var length = mapped.StartLinePosition.Line == mapped.EndLinePosition.Line
            ? mapped.EndLinePosition.Character - start.Character
            : 1;
        return SourceMap.Resolve(mapped.HasMappedPath ? mapped.Path : null, start.Line + 1, start.Character + 1, fallback.File, Math.Max(1, length))
            ?? fallback;
    }
}
