using System.Collections.Concurrent;
using ByzerSharp.Cells.Files;
using ByzerSharp.Cells.Python;
using ByzerSharp.Cells.Runtime;
using ByzerSharp.Cells.Schemas;
using ByzerSharp.Cells.Tables;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Plugins;
using ByzerSharp.Session;
using ByzerSharp.SparkSql.Types;
using ByzerSharp.Torch;

namespace ByzerSharp.Cells.Models;

/// <summary>
/// <c>register Ray.`modelTable` as fn where maxConcurrency="N" and registerCode='''…'''</c>: the
/// model table's <c>file</c> rows are restored to a folder, registerCode runs once per replica (it
/// loads the model from <c>context.ModelDirectory</c> and calls <c>context.Predict</c>), and fn
/// becomes a DuckDB function whose every vector of rows goes to one free replica as one batch.
/// </summary>
internal static class ModelFunction
{
    private static int _serial;

    public static void Register(RegisterContext context)
    {
        var session = context.Session;
        var options = context.Options;
        var name = context.FunctionName;
        var table = session.Catalog.Get(context.Path, context.Statement.Path.Span);
        var registerCode = options.Require("registerCode", "registerCode is required: C# that loads the model and calls context.Predict");
        var replicas = options.GetInt("maxConcurrency", 1, min: 1);
        if (options.Has("predictCode"))
        {
            session.Warn(
                "predictCode is not applicable: the batch function registerCode gives to context.Predict serves every call",
                options.SpanOf("predictCode"),
                "remove predictCode; pyjava's UDFBuilder.apply template has no C# counterpart to write");
        }
        var conf = PythonConf.Conf(session);
        foreach (var key in options.Keys.Where(k => k is not ("registerCode" or "predictCode")))
        {
            conf[key] = options.Get(key)!;
        }
        conf["UDF_CLIENT"] = name;
        var inputValue = ValueType(conf.GetValueOrDefault("sourceSchema"), options.SpanOf("sourceSchema"), new ArrayType(SparkType.Double));
        var inputType = new ArrayType(inputValue);
        var returnType = ValueType(conf.GetValueOrDefault("outputSchema"), options.SpanOf("outputSchema"), new ArrayType(new ArrayType(SparkType.Double)));

        var folder = Path.Combine(session.ScratchDirectory, "models", $"{name}-{Guid.NewGuid():N}");
        var columns = session.Database.Describe(Catalog.From(table)).Select(c => c.Name.ToLowerInvariant()).ToList();
        try
        {
            if (!columns.SequenceEqual(["start", "offset", "value"]))
            {
                throw new InvalidDataException($"its columns are ({string.Join(", ", columns)}), not (start, offset, value)");
            }
            FileRows.ToFolder(new TableReader(session, table).ReadAll("start"), folder);
        }
        catch (Exception e) when (e is InvalidDataException or KeyNotFoundException or InvalidCastException or InvalidOperationException or FormatException)
        {
            throw ByzerException.Runtime(
                $"table '{table.Name}' does not hold a model folder: {e.Message}",
                context.Statement.Path.Span,
                "register Ray needs a file table (start, offset, value), e.g. what a cell with #%schema=file returned");
        }

        var codeSpan = Unquoted(options.SpanOf("registerCode"));
        var assembly = CellCompiler.CompileProgram(registerCode, codeSpan, context.Statement.Span);
        var usesTorch = CellCompiler.UsesTorch(assembly);
        if (usesTorch)
        {
            TorchRuntime.EnsureLoaded();
        }
        var workers = Environment.ProcessorCount;
        var pool = new BlockingCollection<Predictor>();
        using (var runtime = new InProcessRuntime(workers))
        {
            for (var i = 0; i < replicas; i++)
            {
                var cell = new CellContext(name, new TableReader(session, session.Catalog.Get("command", null)), 1, conf, CellSchema.File, runtime, session.ScratchDirectory, output: null).ForModel(folder);
                try
                {
                    using (CellContext.Enter(cell))
                    {
                        CellCompiler.Run(assembly);
                    }
                }
                catch (Exception e) when (e is not ByzerException and not OperationCanceledException)
                {
                    throw CellFailure.From(e, $"registerCode of {name}", codeSpan, context.Statement.Span);
                }
                pool.Add(cell.Predictor ?? throw ByzerException.Semantic(
                    "registerCode did not define the model's predict function",
                    codeSpan,
                    "end registerCode with context.Predict((IReadOnlyList<double[][]> batch) => …) returning one result per input"));
            }
        }
        if (usesTorch)
        {
            TorchThreads.Share(workers, replicas);
        }
        var internalName = $"__ray_{name}_{Interlocked.Increment(ref _serial)}";
        var binding = typeof(DuckFunction<,>).MakeGenericType(ValueShapes.DuckClr(inputType), ValueShapes.DuckClr(returnType));
        var serve = new BatchServer(pool, ValueShapes.DuckClr(returnType), name);
        binding.GetMethod(nameof(DuckFunction<int, int>.Register))!.Invoke(null, [session.Database.Connection, internalName, serve]);
        session.Database.Execute($"CREATE OR REPLACE MACRO {Sql.Ident(name)}(x) AS {Sql.Ident(internalName)}(x)");
        session.RegisterFunction(new RegisteredFunction(name, returnType, $"register Ray (model {table.Name}, {replicas} replicas)", context.Statement.Span, Arity: 1));
    }

    /// <summary>The type of the <c>value</c> field of a sourceSchema/outputSchema, or the default.</summary>
    private static SparkType ValueType(string? schemaText, Text.SourceSpan span, SparkType fallback)
    {
        if (schemaText is null)
        {
            return fallback;
        }
        var schema = CellSchema.Parse(schemaText, span);
        return schema.Find("value")?.Type ?? throw ByzerException.Semantic(
            "the schema has no field 'value'",
            span,
            "model functions exchange the column value, e.g. st(field(value,string))");
    }

    private static Text.SourceSpan Unquoted(Text.SourceSpan written)
    {
        var text = written.Text;
        var quote = text.StartsWith("'''", StringComparison.Ordinal) ? 3 : text.Length > 0 && text[0] is '\'' or '"' ? 1 : 0;
        return quote == 0 ? written : written.Slice(quote, written.Length - 2 * quote);
    }
}

/// <summary>Hands each batch to a free replica; N replicas serve N batches at once.</summary>
internal sealed class BatchServer(BlockingCollection<Predictor> pool, Type duckOutput, string name)
{
    public IReadOnlyList<object?> Serve(IReadOnlyList<object?> inputs)
    {
        var replica = pool.Take();
        try
        {
            var converted = inputs.Select(v => ValueShapes.Convert(v, replica.Input)).ToList();
            var outputs = replica.Batch(converted);
            if (outputs.Count != inputs.Count)
            {
                throw new InvalidOperationException($"the predict function of {name} returned {outputs.Count} results for {inputs.Count} inputs");
            }
            return outputs.Select(v => ValueShapes.Convert(v, duckOutput)).ToList();
        }
        finally
        {
            pool.Add(replica);
        }
    }
}
