using ByzerSharp.Session;

namespace ByzerSharp.Cells.Python;

/// <summary>
/// Settings made with <c>!python conf "k=v"</c> and <c>!python env "K=V"</c>. They live in the
/// session (Byzer keeps them per owner for the session) and apply to every later C# cell and
/// register Ray, under the cell's own headers and options.
/// </summary>
public static class PythonConf
{
    private const string ConfPrefix = "python.conf.";
    private const string EnvPrefix = "python.env.";

    public static void SetConf(ByzerSession session, string key, string value) => session.Settings[ConfPrefix + key] = value;

    public static void SetEnv(ByzerSession session, string key, string value) => session.Settings[EnvPrefix + key] = value;

    public static Dictionary<string, string> Conf(ByzerSession session) => Prefixed(session, ConfPrefix);

    public static Dictionary<string, string> Env(ByzerSession session) => Prefixed(session, EnvPrefix);

    private static Dictionary<string, string> Prefixed(ByzerSession session, string prefix) =>
        session.Settings.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.OrdinalIgnoreCase);
}
