using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.StringIndex;

/// <summary>
/// Byzer's StringIndex (Spark ML StringIndexer): <c>train t as StringIndex.`/model` where
/// inputCol="label" and outputCol="idx"</c> fits the labels, saves the model and returns t with
/// the index column; <c>predict t as StringIndex.`/model`</c> applies a saved model;
/// <c>register StringIndex.`/model` as f</c> adds f, f_array, f_r and f_rarray.
/// </summary>
public sealed class StringIndexEt : EtPlugin
{
    public override string Name => "StringIndex";

    public override string Description => "Maps string labels to indexes (Spark ML StringIndexer): train saves a model, predict applies it, register makes SQL functions.";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("inputCol", "The string (or array<string>) column of labels", Required: true),
        new("outputCol", "The new double column of indexes; defaults to inputCol, which Spark refuses as it exists"),
        new("stringOrderType", "frequencyDesc, frequencyAsc, alphabetDesc or alphabetAsc", Default: "frequencyDesc"),
        new("handleInvalid", "error, skip (drop the row) or keep (index numLabels) for null or unseen labels", Default: "error"),
    ];

    // predict and register read every setting from the saved model, as Byzer does.
    public override IReadOnlyList<EtOption> OptionsFor(TrainKind kind) => kind == TrainKind.Predict ? [] : Options;

    public override IReadOnlyList<EtOption>? RegisterOptions => [];

    public override TableEntry? Train(EtContext context)
    {
        var session = context.Session;
        var pathSpan = PathSpan(context.Statement, context.Span);
        var path = RequirePath(context.Path, pathSpan);
        var source = Catalog.From(context.Input);
        var options = StringIndexOptions.Parse(context.Options, session.Database.Describe(source, context.Span));
        var labels = StringIndexFit.Labels(session.Database, source, options.InputCol, options.InputIsArray, options.StringOrderType, context.Span);
        var model = new StringIndexModel(StringIndexModel.NewUid(), options.InputCol, options.OutputCol, options.HandleInvalid, options.StringOrderType, labels);
        // Spark's paramMap lists what was set: the columns, and the params the script gave.
        var explicitParams = new Dictionary<string, string> { ["inputCol"] = options.InputCol, ["outputCol"] = options.OutputCol };
        if (context.Options.Has("handleInvalid"))
        {
            explicitParams["handleInvalid"] = options.HandleInvalid;
        }
        if (context.Options.Has("stringOrderType"))
        {
            explicitParams["stringOrderType"] = options.StringOrderType;
        }
        model.Save(session.Database, path, pathSpan, explicitParams);
        return context.Define(StringIndexTransform.Query(session.Database, source, model, options.InputCol, options.InputIsArray, options.OutputCol, context.Span));
    }

    public override TableEntry? Predict(EtContext context)
    {
        var session = context.Session;
        var pathSpan = PathSpan(context.Statement, context.Span);
        var model = StringIndexModel.Load(session.Database, RequirePath(context.Path, pathSpan), pathSpan);
        var source = Catalog.From(context.Input);
        var columns = session.Database.Describe(source, context.Span);
        var input = columns.FirstOrDefault(c => string.Equals(c.Name, model.InputCol, StringComparison.OrdinalIgnoreCase))
            ?? throw ByzerException.Semantic(
                $"cannot resolve '{model.InputCol}' given input columns: [{string.Join(", ", columns.Select(c => c.Name))}]",
                context.Span,
                $"the model indexes the column {model.InputCol}; select it under that name first");
        if (input.SparkType is not ("string" or "array<string>"))
        {
            throw ByzerException.Semantic($"{input.Name} should be arraytype or stringtype", context.Span, $"{input.Name} is {input.SparkType}; cast it to string first");
        }
        if (columns.Any(c => string.Equals(c.Name, model.OutputCol, StringComparison.OrdinalIgnoreCase)))
        {
            throw ByzerException.Semantic($"Output column {model.OutputCol} already exists.", context.Span, $"the model writes {model.OutputCol}; drop or rename that column first");
        }
        return context.Define(StringIndexTransform.Query(session.Database, source, model, input.Name, input.SparkType != "string", model.OutputCol, context.Span));
    }

    public override void Register(RegisterContext context)
    {
        var session = context.Session;
        var pathSpan = context.Statement.Path.Span;
        var model = StringIndexModel.Load(session.Database, RequirePath(context.Path, pathSpan), pathSpan);
        foreach (var macro in StringIndexFunctions.Macros(model, context.FunctionName))
        {
            session.Database.Execute(macro.CreateSql, context.Statement.Span);
            session.RegisterFunction(new RegisteredFunction(macro.Name, macro.ReturnType, "StringIndex " + context.Path, context.Statement.Span, Arity: 1));
        }
    }

    private static SourceSpan PathSpan(Statement statement, SourceSpan fallback) => statement is TrainStatement t ? t.Path.Span : fallback;

    private static string RequirePath(string path, SourceSpan span) =>
        path.Length > 0 ? path : throw ByzerException.Semantic("StringIndex needs a model path", span, "write the model's folder between the backquotes: StringIndex.`/tmp/labelIndex`");
}
