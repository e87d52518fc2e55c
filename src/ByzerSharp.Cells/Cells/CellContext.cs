using System.Linq.Expressions;
using ByzerSharp.Cells.Files;
using ByzerSharp.Cells.Runtime;
using ByzerSharp.Cells.Tables;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.Cells;

/// <summary>
/// What a C# cell sees as <c>context</c>: its input table, its settings and the runtime. The C#
/// counterpart of pyjava's RayContext (docs/csharp-cells.md#porting): <see cref="Foreach"/> for
/// data mode, <see cref="DataServers"/> / <see cref="CollectFrom"/> and <see cref="Spawn{T}"/> for
/// actors, <see cref="BuildResult"/> for model mode.
/// </summary>
public sealed class CellContext
{
    private static readonly AsyncLocal<CellContext?> CurrentContext = new();
    private readonly TableReader _input;
    private readonly OutputTable? _output;
    private readonly string _scratch;

    internal CellContext(string cellName, TableReader input, int inputPartitions, IReadOnlyDictionary<string, string> conf, StructType outputSchema, IClusterRuntime runtime, string scratch, OutputTable? output)
    {
        _output = output;
        CellName = cellName;
        _input = input;
        InputPartitions = inputPartitions;
        Conf = conf;
        OutputSchema = outputSchema;
        Runtime = runtime;
        _scratch = scratch;
    }

    /// <summary>The context of the cell running on this logical flow (actors and tasks it starts see it too).</summary>
    public static CellContext Current => CurrentContext.Value ?? throw new InvalidOperationException("no C# cell is running on this thread");

    /// <summary>The cell's output table name.</summary>
    public string CellName { get; }

    /// <summary>The input table's name (inputTable, #%input; <c>command</c> when none).</summary>
    public string InputTable => _input.Name;

    /// <summary>How many partitions the input has (its TableRepartition count, else the runtime's workers).</summary>
    public int InputPartitions { get; }

    /// <summary>Settings: <c>!python conf</c> values, then the cell's headers and options (schema, dataMode, runIn, rayAddress, …).</summary>
    public IReadOnlyDictionary<string, string> Conf { get; }

    /// <summary>The declared output schema.</summary>
    public StructType OutputSchema { get; }

    public IClusterRuntime Runtime { get; }

    /// <summary>Every row of the input, in order (read on first use).</summary>
    public IReadOnlyList<Row> Rows => _rows ??= _input.ReadPartition(0, 1);

    private IReadOnlyList<Row>? _rows;

    /// <summary>One handle per input partition: give them to actors, which read them with <see cref="CollectFrom"/>.</summary>
    public IReadOnlyList<DataServer> DataServers() =>
        Enumerable.Range(0, InputPartitions).Select(i => new DataServer(_input.Name, i, InputPartitions)).ToList();

    /// <summary>The rows of one partition.</summary>
    public IReadOnlyList<Row> CollectFrom(DataServer server)
    {
        if (!string.Equals(server.Table, _input.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"data server of table '{server.Table}' does not belong to this cell's input '{_input.Name}'", nameof(server));
        }
        return _input.ReadPartition(server.Index, server.Count);
    }

    /// <summary>Data mode: maps every row (null drops it); partitions run in parallel; the results become the output table in input order.</summary>
    public void Foreach(Func<Row, Row?> map) =>
        MapPartitions(rows => rows.Select(map).Where(r => r is not null).Select(r => r!));

    /// <summary>
    /// Data mode over whole partitions (set up once per partition, e.g. a model or a buffer). The
    /// input is read in one pass while the partitions run; each partition's output is written as it
    /// is produced; the output table keeps partition order.
    /// </summary>
    public void MapPartitions(Func<IEnumerable<Row>, IEnumerable<Row>> map)
    {
        var servers = DataServers();
        var segments = servers.Select(s => Output.Open($"partition {s.Index}")).ToList();
        using var feed = new PartitionFeed(_input, InputPartitions);
        Runtime.RunAll(servers, server =>
        {
            segments[server.Index].WriteAll(map(feed.Partition(server.Index)));
            return server.Index;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Model mode: these rows become the output table (call it more than once to append).</summary>
    public void BuildResult(IEnumerable<Row> rows) => Output.Open("BuildResult").WriteAll(rows);

    private OutputTable Output => _output ?? throw new InvalidOperationException("this code has no output table (registerCode defines a model function: end it with context.Predict)");

    /// <summary>Creates an actor running <paramref name="create"/> on a worker (Ray's <c>Class.remote(...)</c>).</summary>
    public IActorRef<T> Spawn<T>(Expression<Func<T>> create) where T : class => Runtime.Spawn(create);

    /// <summary>A folder as <c>file</c> rows (pyjava's streaming_tar.build_rows_from_file).</summary>
    public IReadOnlyList<Row> FolderRows(string folder) => FileRows.FromFolder(folder);

    /// <summary>A fresh folder inside the session's scratch space, deleted with the session.</summary>
    public string TempDirectory(string name = "tmp")
    {
        var path = Path.Combine(_scratch, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>In register Ray's registerCode: the folder the model table was restored to.</summary>
    public string ModelDirectory => _modelDirectory ?? throw new InvalidOperationException("ModelDirectory is only set while register Ray runs registerCode");

    private string? _modelDirectory;

    internal Models.Predictor? Predictor { get; private set; }

    /// <summary>
    /// In register Ray's registerCode: the model's batch function. It gets the arguments of many SQL
    /// calls at once (DuckDB's vector of rows) and returns one result per call, in order. TIn and
    /// TOut are any .NET shape of the SQL types (double[][], List&lt;float[]&gt;, string[], …).
    /// </summary>
    public void Predict<TIn, TOut>(Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> batch)
    {
        Predictor = new Models.Predictor(typeof(TIn), typeof(TOut), inputs => batch(inputs.Cast<TIn>().ToList()).Cast<object?>().ToList());
    }

    internal CellContext ForModel(string directory)
    {
        _modelDirectory = directory;
        return this;
    }

    internal static IDisposable Enter(CellContext context)
    {
        var previous = CurrentContext.Value;
        CurrentContext.Value = context;
        return new Restore(previous);
    }

    private sealed class Restore(CellContext? previous) : IDisposable
    {
        public void Dispose() => CurrentContext.Value = previous;
    }
}

/// <summary>Brings <c>context</c> into scope of every cell, including classes the cell defines.</summary>
public static class CellGlobals
{
    // The lowercase name is what cell code (and pyjava's Python) calls it.
#pragma warning disable IDE1006
    public static CellContext context => CellContext.Current;
#pragma warning restore IDE1006
}
