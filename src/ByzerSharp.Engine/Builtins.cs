using ByzerSharp.DataSources.BinaryFile;
using ByzerSharp.DataSources.Csv;
using ByzerSharp.DataSources.Json;
using ByzerSharp.DataSources.Parquet;
using ByzerSharp.DataSources.Text;
using ByzerSharp.DataSources.Variables;

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
        registry.AddDataSource(new TextDataSource());
        registry.AddDataSource(new JsonStrDataSource());
        registry.AddDataSource(new CsvStrDataSource());
        registry.AddDataSource(new ScriptDataSource());
        registry.AddDataSource(new BinaryFileDataSource());

        // ETs (Plugins/) and the commands that run them (Commands/).
    }
}
