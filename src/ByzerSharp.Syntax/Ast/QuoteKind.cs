namespace ByzerSharp.Syntax.Ast;

/// <summary>How a value was written. Byzer strips exactly one layer of quotes and processes no escapes.</summary>
public enum QuoteKind
{
    None,
    Single,
    Double,
    Triple,
    Backquote,
}
