using System.Globalization;

namespace ByzerSharp.Session;

/// <summary>
/// Script variables: predefined ones, <c>--var</c> values, and everything <c>set</c> defines.
/// Values are kept rendered; after every assignment values that still hold ${…} are rendered
/// again, so <c>set b="${a}/x"</c> resolves once <c>a</c> is defined (Byzer's behaviour).
/// </summary>
public sealed class VariableStore
{
    private readonly Dictionary<string, Variable> _vars = new(StringComparer.Ordinal);

    public VariableStore(string home, string owner, DateTime now)
    {
        Now = now;
        var today = now.Date;
        Put(new Variable("HOME", home));
        Put(new Variable("OWNER", owner));
        Put(new Variable("SKIP_AUTH", "true"));
        Put(new Variable("today", Day(today)));
        Put(new Variable("yesterday", Day(today.AddDays(-1))));
        Put(new Variable("tomorrow", Day(today.AddDays(1))));
        Put(new Variable("theDayBeforeYesterday", Day(today.AddDays(-2))));
    }

    /// <summary>The time the session started; <c>${date.toString("…")}</c> formats it.</summary>
    public DateTime Now { get; }

    public IEnumerable<Variable> All => _vars.Values;

    public bool TryGet(string name, out Variable variable) => _vars.TryGetValue(name, out variable!);

    public string? Get(string name) => _vars.TryGetValue(name, out var v) ? v.Value : null;

    public bool Contains(string name) => _vars.ContainsKey(name);

    public void Put(Variable variable) => _vars[variable.Name] = variable;

    /// <summary>Re-renders values that still contain references, until nothing changes.</summary>
    public void Rerender(Func<string, bool, string> render)
    {
        for (var pass = 0; pass < 10; pass++)
        {
            var changed = false;
            foreach (var v in _vars.Values.ToList())
            {
                if (!v.Value.Contains('$', StringComparison.Ordinal) || v.Type is "sql" or "shell")
                {
                    continue;
                }
                var rendered = render(v.Value, false);
                if (rendered != v.Value)
                {
                    _vars[v.Name] = v with { Value = rendered };
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
