using System.Globalization;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Plugins;
using ByzerSharp.Session;

namespace ByzerSharp.Datasets.Byzer;

/// <summary>
/// <c>!syntheticImages &lt;dir&gt; &lt;nTrain&gt; &lt;nTest&gt; [unlessSet &lt;variable&gt;]</c>, or
/// <c>run command as SyntheticImages.`dir` where train="N" and test="M" [and unlessSet="variable"]</c>: writes a
/// <see cref="SyntheticImageSet"/> under dir/cifar. With <c>unlessSet v</c> it does nothing when the variable v already
/// has a value (the user gave real data), and otherwise points v at dir once the images are written; that is how the
/// reference example runs anywhere yet reads the user's images when <c>--var dataDir=…</c> is given.
/// </summary>
public sealed class SyntheticImagesEt : EtPlugin
{
    private const string Usage = "usage: !syntheticImages <dir> <nTrain> <nTest> [unlessSet <variable>];";

    public override string Name => "SyntheticImages";

    public override string Description => "Writes a synthetic image set of 10 learnable classes in the CIFAR layout: <dir>/cifar/{train,test}/<id>_<label>.png (32x32 colour PNGs).";

    public override IReadOnlyList<EtOption> Options =>
    [
        new("train", "Number of training images", Required: true),
        new("test", "Number of test images", Required: true),
        new("unlessSet", "A variable: skip when it has a value, otherwise set it to the folder written"),
        new("seed", "Seed of the random images", Default: "1"),
    ];

    public override TableEntry? Run(EtContext context)
    {
        var request = Parse(context);
        if (request.Variable is { } name && context.Session.Variables.Get(name) is { Length: > 0 } given)
        {
            return Result(context, given, 0, 0);
        }
        var dir = context.Session.Paths.Resolve(request.Dir, context.ArgSpan(0));
        var (train, test) = SyntheticImageSet.Write(dir, request.Train, request.Test, request.Seed);
        if (request.Variable is { } variable)
        {
            context.Session.Variables.Put(new Variable(variable, dir));
        }
        return Result(context, dir, train.Count, test.Count);
    }

    public override TableEntry? Train(EtContext context) => Run(context);

    private static TableEntry Result(EtContext context, string dir, int train, int test) =>
        context.DefineRows(
            [new RowColumn("dataDir"), new RowColumn("train", "INTEGER"), new RowColumn("test", "INTEGER")],
            [[dir, train, test]]);

    private sealed record Request(string Dir, int Train, int Test, string? Variable, int Seed);

    private static Request Parse(EtContext context)
    {
        var seed = context.Options.GetInt("seed", 1, int.MinValue);
        if (context.Path.Length > 0)
        {
            return new Request(context.Path, context.Options.RequireInt("train", 0), context.Options.RequireInt("test", 0), context.Options.Get("unlessSet"), seed);
        }
        var args = context.Args;
        if (args.Count is not (3 or 5) || (args.Count == 5 && args[3] != "unlessSet"))
        {
            throw ByzerException.Semantic($"!syntheticImages takes a folder and two image counts, got {args.Count} arguments",
                context.ArgSpan(Math.Min(args.Count, 3)), Usage);
        }
        return new Request(args[0], Count(context, 1), Count(context, 2), args.Count == 5 ? args[4] : null, seed);
    }

    private static int Count(EtContext context, int index)
    {
        if (!int.TryParse(context.Args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw ByzerException.Semantic($"'{context.Args[index]}' is not a number of images", context.ArgSpan(index), Usage);
        }
        return count;
    }
}
