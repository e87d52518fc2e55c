using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Text;

namespace ByzerSharp.Session;

public sealed partial class ByzerSession
{
    private int _resultCounter;

    /// <summary>A table that is a statement's result but has no name in the catalog (save and register results).</summary>
    public TableEntry DefineResult(string sql, SourceSpan? span)
    {
        var duckName = "result_" + Interlocked.Increment(ref _resultCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Database.Execute("CREATE OR REPLACE TEMP TABLE " + Sql.Ident(duckName) + " AS " + sql, span);
        return new TableEntry("", duckName, TableKind.Table, span) { Origin = "result" };
    }

    /// <summary>Removes a name from the catalog (DROP VIEW of a Byzer table).</summary>
    public void DropTable(string name)
    {
        Catalog.Remove(name);
        Database.Execute("DROP VIEW IF EXISTS byzer." + Sql.Ident(name));
    }

    /// <summary>Makes the current definition of a Byzer name visible to pass-through SQL (insert, create) under that name.</summary>
    internal void PublishAlias(TableEntry entry)
    {
        if (entry.Name.Length == 0)
        {
            return;
        }
        Database.Execute($"CREATE OR REPLACE VIEW byzer.{Sql.Ident(entry.Name)} AS SELECT * FROM main.{Sql.Ident(entry.DuckName)}");
    }

    /// <summary>
    /// Makes a function the caller has already created in DuckDB (a macro, or a C# function on
    /// <see cref="Database"/>'s connection) known to select bodies with its Spark type. Registering a
    /// name again replaces the earlier definition, as Byzer's register does.
    /// </summary>
    public void RegisterFunction(RegisteredFunction function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function.Name);
        _functions[function.Name] = function;
    }

    public bool UnregisterFunction(string name)
    {
        if (!_functions.Remove(name))
        {
            return false;
        }
        try
        {
            Database.Execute("DROP MACRO IF EXISTS " + Sql.Ident(name));
        }
        catch (ByzerException)
        {
            // A C# function registered through the driver has no SQL object to drop; removing
            // it from the registry is what makes it unknown to later statements.
        }
        return true;
    }

    /// <summary>A <c>set k=v where type="conf"</c>: a setting, some of which the engine acts on at once.</summary>
    public void ApplySetting(string key, string value, SourceSpan? span)
    {
        Settings[key] = value;
        if (key is "spark.sql.session.timeZone" or "timeZone")
        {
            Database.Execute("SET TimeZone=" + Sql.Str(value), span);
        }
    }
}
