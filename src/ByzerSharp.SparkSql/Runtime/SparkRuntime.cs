using DuckDB.NET.Data;

namespace ByzerSharp.SparkSql.Runtime;

/// <summary>Installs the macros and C# functions translated SQL calls; once per connection.</summary>
public static class SparkRuntime
{
    public static void Install(DuckDBConnection connection)
    {
        foreach (var macro in SparkMacros.Definitions)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE OR REPLACE TEMP MACRO " + macro;
            command.ExecuteNonQuery();
        }
        SparkUdfs.Register(connection);
        NumberUdfs.Register(connection);
        UrlUdfs.Register(connection);
    }
}
