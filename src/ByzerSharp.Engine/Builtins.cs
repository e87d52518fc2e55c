using ByzerSharp.DataSources.Csv;
using ByzerSharp.DataSources.Json;
using ByzerSharp.DataSources.Parquet;

namespace ByzerSharp;

/// <summary>The data sources, ETs and commands every session has. Extensions add more.</summary>
internal static class Builtins
{
    public static void Register(ExtensionRegistry registry)
    {
        // Data sources (DataSources/<Format>/).
        registry.AddDataSource(new CsvDataSource());
        registry.AddDataSource(new JsonDataSource());
        registry.AddDataSource(new ParquetDataSource());

        // ETs (Plugins/) and the commands that run them (Commands/).
    }
}
