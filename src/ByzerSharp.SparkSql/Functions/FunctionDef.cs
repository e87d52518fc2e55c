using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Functions;

/// <summary>
/// A bound call's DuckDB form. <see cref="Sql"/> is the call itself; the binder appends the
/// FILTER and OVER clauses and then applies <see cref="Wrap"/> (`{0}` is the call), so result-type
/// casts land outside the window.
/// </summary>
public sealed record FnResult(string Sql, SparkType Type)
{
    public string? Filter { get; init; }

    public string? Wrap { get; init; }

    /// <summary>Spark's generated name when it is not `name(arg, …)`.</summary>
    public string? Name { get; init; }
}

/// <summary>One call being bound: the arguments (bound unless they are lambdas) and error helpers.</summary>
public sealed class FnCall
{
    private readonly Binder _binder;
    private readonly Scope _scope;

    internal FnCall(Binder binder, Scope scope, FunctionCall call, IReadOnlyList<Bound?> args)
    {
        _binder = binder;
        _scope = scope;
        Call = call;
        RawArgs = args;
    }

    public FunctionCall Call { get; }

    internal IReadOnlyList<Bound?> RawArgs { get; }

    public int Count => RawArgs.Count;

    public Bound this[int i] => RawArgs[i] ?? throw Error($"argument {i + 1} of {Call.Name} must not be a lambda", i);

    public IEnumerable<Bound> Args => RawArgs.Select((a, i) => this[i]);

    /// <summary>Binds argument <paramref name="i"/> as a lambda with the given parameter types.</summary>
    public (string Sql, Bound Body) Lambda(int i, IReadOnlyList<SparkType> types, int indexParam = -1) =>
        _binder.BindLambda(Call.Args[i], _scope, types, indexParam);

    /// <summary>Binds argument <paramref name="i"/> as a lambda whose parameters stand for the given SQL.</summary>
    public Bound LambdaBody(int i, IReadOnlyList<(SparkType Type, string Sql)> parameters) =>
        _binder.BindLambdaBody(Call.Args[i], _scope, parameters);

    /// <summary>A DuckDB lambda parameter name unique to this call (calls nest).</summary>
    public string Var(string stem) => $"__{stem}{Call.NamePos.Start}";

    public SqlError Error(string message, int? argument = null, string? hint = null)
    {
        var pos = argument is { } a && a < Call.Args.Count ? Call.Args[a].Pos : Call.NamePos;
        return new SqlError(message, pos.Start, Math.Max(1, pos.Length), hint);
    }

    /// <summary>The argument as a literal string value, or null when it is not a literal.</summary>
    public string? LiteralString(int i) => i < Count && RawArgs[i] is { IsLiteral: true } b ? b.LiteralValue : null;

    public string Str(int i) => SparkCast.Coerce(this[i], SparkType.String).Sql;

    public string Int(int i) => SparkCast.Coerce(this[i], SparkType.Int).Sql;

    public string Long(int i) => SparkCast.Coerce(this[i], SparkType.Long).Sql;

    public string Dbl(int i) => SparkCast.Coerce(this[i], SparkType.Double).Sql;

    public string Bool(int i) => SparkCast.Coerce(this[i], SparkType.Boolean).Sql;

    public string Date(int i) => this[i].Type.Kind == TypeKind.Timestamp ? $"CAST({this[i].Sql} AS DATE)" : SparkCast.Coerce(this[i], SparkType.Date).Sql;

    public string Ts(int i) => this[i].Type.IsString ? SparkCast.StringToTimestamp(this[i].Sql) : SparkCast.Coerce(this[i], SparkType.Timestamp).Sql;

    /// <summary>A timestamp as the instant it names (TIMESTAMPTZ): wall time in the session time zone.</summary>
    public string Instant(int i) => $"CAST({Ts(i)} AS TIMESTAMPTZ)";

    /// <summary>Numbers stay as they are; strings become double (Spark's implicit cast for math functions).</summary>
    public string Num(int i) => this[i].Type.IsNumeric ? this[i].Sql : Dbl(i);
}

public delegate FnResult FnImpl(FnCall call);

public enum FnKind
{
    Scalar,
    Aggregate,
    Window,
}

/// <summary>A Spark built-in function: arity, kind and its translation.</summary>
public sealed record FunctionDef(string Name, int MinArgs, int MaxArgs, FnKind Kind, FnImpl Impl, string Family);
