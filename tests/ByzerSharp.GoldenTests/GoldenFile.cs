using ByzerSharp.Syntax.Parsing;

namespace ByzerSharp.GoldenTests;

/// <summary>
/// Parses the sqllogictest-style format described in tests/golden/README.md. A record's script
/// ends at the first ';' the Byzer lexer sees (so ';' inside strings, block strings and comments
/// does not count, and blank lines inside code blocks are fine).
/// </summary>
public sealed class GoldenFile
{
    private GoldenFile(string path, string[] lines, List<GoldenRecord> records, List<string> requires)
    {
        Path = path;
        Lines = lines;
        Records = records;
        Requires = requires;
    }

    public string Path { get; }

    public string[] Lines { get; }

    public IReadOnlyList<GoldenRecord> Records { get; }

    /// <summary>Capabilities the file needs (require X); the file is skipped when one is missing.</summary>
    public IReadOnlyList<string> Requires { get; }

    public static GoldenFile Parse(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var records = new List<GoldenRecord>();
        var requires = new List<string>();
        var newRequest = false;
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                i++;
                continue;
            }
            if (trimmed == "halt")
            {
                break;
            }
            if (trimmed == "new request")
            {
                newRequest = true;
                i++;
                continue;
            }
            if (trimmed.StartsWith("require ", StringComparison.Ordinal))
            {
                requires.Add(trimmed[8..].Trim());
                i++;
                continue;
            }
            var header = trimmed.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            var headerLine = i + 1;
            RecordKind kind;
            string argument = "", types = "", sort = "nosort";
            switch (header[0])
            {
                case "statement" when header.Length >= 2 && header[1] == "ok":
                    kind = RecordKind.StatementOk;
                    break;
                case "statement" when header.Length >= 2 && header[1] == "error":
                    kind = RecordKind.StatementError;
                    argument = header.Length > 2 ? header[2] : "";
                    break;
                case "statement" when header.Length >= 2 && header[1] == "warning":
                    kind = RecordKind.StatementWarning;
                    argument = header.Length > 2 ? header[2] : "";
                    break;
                case "query" when header.Length >= 2:
                    kind = RecordKind.Query;
                    types = header[1];
                    sort = header.Length > 2 ? header[2].Trim() : "nosort";
                    break;
                default:
                    throw new FormatException($"{path}:{headerLine}: unknown record header '{trimmed}'");
            }
            i++;
            var (script, next) = ReadScript(lines, i, path, headerLine);
            i = next;
            var expected = new List<string>();
            var expectedStart = -1;
            var expectedEnd = -1;
            if (i < lines.Length && lines[i].Trim() == "----")
            {
                i++;
                expectedStart = i;
                while (i < lines.Length && lines[i].Length > 0)
                {
                    expected.Add(lines[i]);
                    i++;
                }
                expectedEnd = i;
            }
            else if (kind == RecordKind.Query)
            {
                expectedStart = expectedEnd = i;
            }
            records.Add(new GoldenRecord(kind, headerLine, script, argument, types, sort, expected, expectedStart, expectedEnd) { NewRequest = newRequest });
            newRequest = false;
        }
        return new GoldenFile(path, lines, records, requires);
    }

    private static (string Script, int Next) ReadScript(string[] lines, int start, string path, int headerLine)
    {
        // Take lines until the accumulated text holds a statement-ending ';' at its end.
        var text = "";
        for (var i = start; i < lines.Length; i++)
        {
            text += lines[i] + "\n";
            if (ScriptParser.IsComplete(text))
            {
                return (text.TrimEnd('\n'), i + 1);
            }
            // A record without ';' ends at a blank line or at the ---- separator.
            if (i + 1 < lines.Length && (lines[i + 1].Trim() == "----" || (lines[i + 1].Length == 0 && !Open(text))))
            {
                return (text.TrimEnd('\n'), i + 1);
            }
        }
        if (text.Trim().Length == 0)
        {
            throw new FormatException($"{path}:{headerLine}: record has no script");
        }
        return (text.TrimEnd('\n'), lines.Length);
    }

    private static bool Open(string text)
    {
        foreach (var token in ScriptParser.Lex(text))
        {
            if (token.Type is Syntax.Generated.ByzerLexer.UNTERMINATED_BLOCK_STRING or Syntax.Generated.ByzerLexer.UNTERMINATED_STRING
                or Syntax.Generated.ByzerLexer.UNTERMINATED_BACKQUOTE or Syntax.Generated.ByzerLexer.UNTERMINATED_COMMENT)
            {
                return true;
            }
        }
        return false;
    }
}
