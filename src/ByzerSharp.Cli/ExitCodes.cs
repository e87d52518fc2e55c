namespace ByzerSharp.Cli;

/// <summary>sysexits-style codes, as Crafting Interpreters' drivers use them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 64;
    public const int ScriptError = 65;
    public const int RuntimeError = 70;
}
