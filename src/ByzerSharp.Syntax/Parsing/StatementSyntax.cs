using ByzerSharp.Syntax.Generated;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>The shape of each statement, shown as the last-resort help of a syntax error inside it.</summary>
internal static class StatementSyntax
{
    public static string? Of(int keywordToken) => keywordToken switch
    {
        ByzerLexer.LOAD => "load <format>.`<path>` [where <key>=\"<value>\" and …] as <table>;",
        ByzerLexer.SAVE => "save [overwrite|append|errorIfExists|ignore] <table> as <format>.`<path>` [where <key>=\"<value>\" …] [partitionBy <col>, …];",
        ByzerLexer.SET => "set <name> = \"<value>\" [where type=\"text|sql|shell|conf|defaultParam\"];",
        ByzerLexer.CONNECT => "connect <format> where <key>=\"<value>\" and … [as <connection name>];",
        ByzerLexer.TRAIN or ByzerLexer.RUN or ByzerLexer.PREDICT => "train|run|predict <table> as <ET>.`<path>` [where <key>=\"<value>\" …] [as <output table>];",
        ByzerLexer.REGISTER => "register <ET>.`<path>` as <function name> [where <key>=\"<value>\" …];",
        ByzerLexer.UNREGISTER => "unregister <ET>.`<path>` [where <key>=\"<value>\" …];",
        ByzerLexer.INCLUDE => "include <format>.`<path>` [where <key>=\"<value>\" …];",
        ByzerLexer.SELECT => "select … as <table>;",
        _ => null,
    };
}
