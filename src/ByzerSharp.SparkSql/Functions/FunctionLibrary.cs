using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>
/// The Spark built-in functions the translator knows, by name. Each family registers itself
/// from its own file; the table is built once per process.
/// </summary>
public static partial class FunctionLibrary
{
    public const int Variadic = int.MaxValue;

    private static readonly Dictionary<string, FunctionDef> Defs = Build();

    public static IReadOnlyCollection<string> Names => Defs.Keys;

    public static FunctionDef? Find(string name) => Defs.GetValueOrDefault(name);

    private static Dictionary<string, FunctionDef> Build()
    {
        var d = new Dictionary<string, FunctionDef>(StringComparer.OrdinalIgnoreCase);
        var r = new Registrar(d);
        StringFunctions.Register(r);
        RegexFunctions.Register(r);
        MathFunctions.Register(r);
        ConditionalFunctions.Register(r);
        ArrayFunctions.Register(r);
        MapStructFunctions.Register(r);
        MapLambdaFunctions.Register(r);
        MapLambdaFunctions.RegisterZipWith(r);
        TryFunctions.Register(r);
        DateFunctions.Register(r);
        AggregateFunctions.Register(r);
        WindowFunctions.Register(r);
        MiscFunctions.Register(r);
        return d;
    }

    /// <summary>Spark's concat (and `||`): NULL if any argument is NULL; arrays concatenate.</summary>
    public static Bound Concat(IReadOnlyList<Bound> args)
    {
        if (args.Count == 0)
        {
            return new Bound("''", SparkType.String, "concat()");
        }
        var name = $"concat({string.Join(", ", args.Select(a => a.Name))})";
        if (args.All(a => a.Type is ArrayType || a.Type.Kind == TypeKind.Null) && args.Any(a => a.Type is ArrayType))
        {
            var type = TypeCoercion.Wider(args.Select(a => a.Type)) ?? args.First(a => a.Type is ArrayType).Type;
            var sql = args[0].Sql;
            for (var i = 1; i < args.Count; i++)
            {
                sql = $"list_concat({sql}, {args[i].Sql})";
            }
            var nullCheck = string.Join(" OR ", args.Select(a => $"{a.Sql} IS NULL"));
            return new Bound($"CASE WHEN {nullCheck} THEN NULL ELSE {sql} END", type, name);
        }
        if (args.Any(a => a.Type.Kind == TypeKind.Binary) && args.All(a => a.Type.Kind is TypeKind.Binary or TypeKind.Null))
        {
            return new Bound("(" + string.Join(" || ", args.Select(a => a.Sql)) + ")", SparkType.Binary, name);
        }
        return new Bound("(" + string.Join(" || ", args.Select(a => SparkCast.Coerce(a, SparkType.String).Sql)) + ")", SparkType.String, name);
    }

    /// <summary>`s rlike p` with Java's find semantics.</summary>
    public static string RegexMatches(string s, Bound pattern) =>
        pattern.IsLiteral && RegexDialect.IsRe2Safe(pattern.LiteralValue!)
            ? $"regexp_matches({s}, {pattern.Sql})"
            : $"java_rlike({s}, {pattern.Sql})";
}

/// <summary>Registration helpers for the family files.</summary>
public sealed class Registrar(Dictionary<string, FunctionDef> defs)
{
    public string Family { get; set; } = "";

    public void Add(string name, int min, int max, FnImpl impl, FnKind kind = FnKind.Scalar) =>
        defs[name] = new FunctionDef(name, min, max, kind, impl, Family);

    public void Add(string[] names, int min, int max, FnImpl impl, FnKind kind = FnKind.Scalar)
    {
        foreach (var n in names)
        {
            Add(n, min, max, impl, kind);
        }
    }

    public void Aggregate(string name, int min, int max, FnImpl impl) => Add(name, min, max, impl, FnKind.Aggregate);

    public void Aggregate(string[] names, int min, int max, FnImpl impl) => Add(names, min, max, impl, FnKind.Aggregate);

    /// <summary>A DuckDB function with the same semantics under another (or the same) name.</summary>
    public void Same(string name, string duck, int min, int max, Func<FnCall, SparkType> type, Func<FnCall, int, string>? arg = null) =>
        Add(name, min, max, c => new FnResult($"{duck}({string.Join(", ", Enumerable.Range(0, c.Count).Select(i => arg is null ? c[i].Sql : arg(c, i)))})", type(c)));
}
