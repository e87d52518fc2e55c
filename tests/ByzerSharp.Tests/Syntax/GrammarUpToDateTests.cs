using System.Security.Cryptography;
using Xunit;

namespace ByzerSharp.Tests.Syntax;

/// <summary>The checked-in parser must be generated from the checked-in grammar (grammar/generate.sh).</summary>
public sealed class GrammarUpToDateTests
{
    [Fact]
    public void GeneratedParserMatchesGrammar()
    {
        var grammar = Path.Combine(RepoPaths.Root, "grammar");
        var bytes = File.ReadAllBytes(Path.Combine(grammar, "ByzerLexer.g4"))
            .Concat(File.ReadAllBytes(Path.Combine(grammar, "ByzerParser.g4")))
            .ToArray();
        var actual = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        using var stream = typeof(ByzerSharp.Syntax.Parsing.ScriptParser).Assembly.GetManifestResourceStream("grammar.sha256")!;
        var recorded = new StreamReader(stream).ReadToEnd().Trim();
        Assert.True(actual == recorded, "grammar/*.g4 changed but src/ByzerSharp.Syntax/Generated was not regenerated: run grammar/generate.sh");
    }
}
