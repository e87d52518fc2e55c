using ByzerSharp.DataSources.BinaryFile;
using ByzerSharp.DataSources.Csv;
using ByzerSharp.DataSources.Json;
using ByzerSharp.DataSources.Parquet;
using ByzerSharp.Commands;
using ByzerSharp.Plugins.CopyFromLocal;
using ByzerSharp.Plugins.EmptyTable;
using ByzerSharp.Plugins.HDFSCommand;
using ByzerSharp.Plugins.LastCommand;
using ByzerSharp.Plugins.LastTableName;
using ByzerSharp.Plugins.Println;
using ByzerSharp.Plugins.SaveBinaryAsFile;
using ByzerSharp.Plugins.ShellExecute;
using ByzerSharp.Plugins.ShowCommand;
using ByzerSharp.Plugins.ShowTableExt;
using ByzerSharp.Plugins.StringIndex;
using ByzerSharp.Plugins.TableRepartition;
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
        registry.AddEt(new HDFSCommandEt());
        registry.AddCommand(new BuiltinCommand("hdfs", "HDFSCommand", "Hadoop file system shell on the local file system: !hdfs -ls /tmp"));
        registry.AddCommand(new BuiltinCommand("fs", "HDFSCommand", "Same as !hdfs"));
        registry.AddEt(new ShellExecuteEt());
        registry.AddCommand(new BuiltinCommand("sh", "ShellExecute", "Runs a program without a shell: !sh ls -l /tmp; !sh script \"text\" uses /bin/sh -c"));
        registry.AddEt(new CopyFromLocalEt());
        registry.AddCommand(new BuiltinCommand("copyFromLocal", "CopyFromLocal", "Copies a local file or folder: !copyFromLocal /src /dst"));
        registry.AddEt(new ShowCommandEt());
        registry.AddCommand(new BuiltinCommand("show", "ShowCommand", "Lists tables, functions, et, \"et/Name\", commands, datasources or version"));
        registry.AddEt(new ShowTableExtEt());
        registry.AddCommand(new BuiltinCommand("desc", "ShowTableExt", "A table's columns and Spark types: !desc t"));
        registry.AddEt(new PrintlnEt());
        registry.AddCommand(new BuiltinCommand("println", "Println", "Writes a line to the log: !println '''text'''"));
        registry.AddEt(new EmptyTableEt());
        registry.AddCommand(new BuiltinCommand("emptyTable", "EmptyTable", "Produces no table"));
        registry.AddEt(new LastTableNameEt());
        registry.AddCommand(new BuiltinCommand("lastTableName", "LastTableName", "Sets ${__last_table_name__} to the previous table's name"));
        registry.AddEt(new LastCommandEt());
        registry.AddCommand(new BuiltinCommand("lastCommand", "LastCommand", "Names the previous command's result: !lastCommand named t"));
        registry.AddEt(new SaveBinaryAsFileEt());
        registry.AddCommand(new BuiltinCommand("saveFile", "SaveBinaryAsFile", "Writes a one-row table's binary cell to a file: !saveFile _ -i t -o /path"));
        registry.AddEt(new TableRepartitionEt());
        registry.AddEt(new StringIndexEt());
    }
}
