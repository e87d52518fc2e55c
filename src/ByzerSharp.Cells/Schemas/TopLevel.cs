namespace ByzerSharp.Cells.Schemas;

/// <summary>Splits a type list at separators outside brackets: "a int, b map&lt;string,int&gt;" → 2 parts.</summary>
internal static class TopLevel
{
    public static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' or '(':
                    depth++;
                    break;
                case '>' or ')':
                    depth--;
                    break;
                default:
                    if (text[i] == separator && depth == 0)
                    {
                        parts.Add(text[start..i]);
                        start = i + 1;
                    }
                    break;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
