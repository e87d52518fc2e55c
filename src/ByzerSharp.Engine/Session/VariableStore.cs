using System.Globalization;

namespace ByzerSharp.Session;

/// <summary>
/// Script variables. Each request (one <see cref="ByzerSession.Run"/>) starts from the predefined
/// variables, the engine's <c>--var</c> values and the session-scoped variables; everything a
/// request-scoped <c>set</c> defines is dropped when the next request begins, as in Byzer where
/// only <c>scope="session"</c> values are stored with the user's session.
/// Values are kept rendered; after every assignment values that still hold ${…} are rendered
/// again, so <c>set b="${a}/x"</c> resolves once <c>a</c> is defined (Byzer's behaviour).
/// </summary>
public sealed class VariableStore
{
    private readonly Dictionary<string, Variable> _vars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Variable> _session = new(StringComparer.Ordinal);
    private readonly string _home;
    private readonly string _owner;
    private readonly IReadOnlyDictionary<string, string> _given;

    public VariableStore(string home, string owner, DateTimeOffset now, IReadOnlyDictionary<string, string>? given = null)
    {
        _home = home;
        _owner = owner;
        _given = given ?? new Dictionary<string, string>();
        BeginRequest(now);
    }

    /// <summary>The time the request started, in the session's time zone; <c>today</c> and <c>${date…}</c> derive from it.</summary>
    public DateTime Now => NowWithOffset.DateTime;

    public DateTimeOffset NowWithOffset { get; private set; }

    public IEnumerable<Variable> All => _vars.Values;

    /// <summary>The variables that outlive the request (set with <c>scope="session"</c>).</summary>
    public IEnumerable<Variable> SessionScoped => _session.Values;

    public bool TryGet(string name, out Variable variable) => _vars.TryGetValue(name, out variable!);

    public string? Get(string name) => _vars.TryGetValue(name, out var v) ? v.Value : null;

    public bool Contains(string name) => _vars.ContainsKey(name);

    /// <summary>Defines or replaces a variable; a session-scoped one is also kept for later requests.</summary>
    public void Put(Variable variable)
    {
        _vars[variable.Name] = variable;
        if (variable.SessionScope)
        {
            _session[variable.Name] = variable;
        }
    }

    /// <summary>Starts a request: predefined variables, then --var values, then session-scoped variables.</summary>
    public void BeginRequest(DateTimeOffset now)
    {
        NowWithOffset = now;
        _vars.Clear();
        var today = now.Date;
        Put(new Variable("HOME", _home));
        Put(new Variable("OWNER", _owner));
        Put(new Variable("SKIP_AUTH", "true"));
        Put(new Variable("today", Day(today)));
        Put(new Variable("yesterday", Day(today.AddDays(-1))));
        Put(new Variable("tomorrow", Day(today.AddDays(1))));
        Put(new Variable("theDayBeforeYesterday", Day(today.AddDays(-2))));
        foreach (var (k, v) in _given)
        {
            Put(new Variable(k, v));
        }
        foreach (var v in _session.Values)
        {
            _vars[v.Name] = v;
        }
    }

    /// <summary>Re-renders values that still contain references, until nothing changes.</summary>
    public void Rerender(Func<string, bool, string> render)
    {
        for (var pass = 0; pass < 10; pass++)
        {
            var changed = false;
            foreach (var v in _vars.Values.ToList())
            {
                // Query and shell results are data, not templates.
                if (!v.Value.Contains('$', StringComparison.Ordinal) || v.Type is "sql" or "shell")
                {
                    continue;
                }
                var rendered = render(v.Value, false);
                if (rendered != v.Value)
                {
                    Put(v with { Value = rendered });
                    changed = true;
                }
            }
            if (!changed)
            {
                return;
            }
        }
    }

    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
