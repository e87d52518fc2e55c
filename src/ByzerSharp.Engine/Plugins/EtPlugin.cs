using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Plugins;

/// <summary>
/// An Estimator/Transformer: what <c>train|run|predict t as Name.`path`</c> and
/// <c>register Name.`path` as fn</c> call. See docs/plugins.md for how to write one.
/// </summary>
public abstract class EtPlugin
{
    /// <summary>The name scripts use, e.g. TableRepartition (resolved case-insensitively on the first letter).</summary>
    public abstract string Name { get; }

    /// <summary>One sentence for !show et.</summary>
    public virtual string Description => "";

    /// <summary>The options the ET understands, for documentation and validation.</summary>
    public virtual IReadOnlyList<EtOption> Options => [];

    /// <summary>
    /// The options one kind of call accepts (e.g. predict reads its settings from a saved model and
    /// takes none); all of <see cref="Options"/> unless overridden.
    /// </summary>
    public virtual IReadOnlyList<EtOption> OptionsFor(TrainKind kind) => Options;

    /// <summary>The options <c>register</c> accepts, checked like train's; null (the default) leaves them unchecked.</summary>
    public virtual IReadOnlyList<EtOption>? RegisterOptions => null;

    /// <summary>Whether the home prefix applies to the path (ScriptUDF and Ray opt out in Byzer).</summary>
    public virtual bool UsesPathPrefix => true;

    public virtual TableEntry? Train(EtContext context) => throw Unsupported(context, "train");

    public virtual TableEntry? Run(EtContext context) => Train(context);

    public virtual TableEntry? Predict(EtContext context) => throw Unsupported(context, "predict");

    public virtual void Register(RegisterContext context) => throw Unsupported(context.Statement.Span, "register");

    protected ByzerException Unsupported(EtContext context, string what) => Unsupported(context.Span, what);

    private ByzerException Unsupported(Text.SourceSpan span, string what) =>
        ByzerException.Semantic($"{Name} does not support {what}", span, Description.Length > 0 ? $"{Name}: {Description}" : null);
}

/// <summary>A documented option of an ET.</summary>
public sealed record EtOption(string Name, string Description, bool Required = false, string? Default = null);
