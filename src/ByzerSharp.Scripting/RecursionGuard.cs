using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ByzerSharp.Scripting;

/// <summary>
/// .NET cannot catch a stack overflow: runaway recursion in user code would kill the whole process.
/// Every method or local function that is part of a call cycle (direct or mutual recursion) therefore
/// starts with <c>RuntimeHelpers.EnsureSufficientExecutionStack()</c>, which throws a catchable
/// <see cref="InsufficientExecutionStackException"/> that fails the query or cell like any other
/// exception. Functions outside a cycle are left alone, so ordinary code costs nothing more (the JIT
/// still inlines it). The guard is added without new line breaks, so lines (and with them compile
/// errors and exception locations) are unchanged.
/// </summary>
/// <remarks>
/// Calls through delegates (a lambda stored in a variable that calls itself) are not seen: the call
/// graph is built from the methods invocations bind to.
/// </remarks>
internal static class RecursionGuard
{
    private const string GuardCall = "global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();";

    /// <summary>The tree with guards in its recursive functions, or the same tree when it has none.</summary>
    public static SyntaxTree Apply(CSharpCompilation compilation, SyntaxTree tree)
    {
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var declarations = new Dictionary<IMethodSymbol, SyntaxNode>(SymbolEqualityComparer.Default);
        foreach (var node in root.DescendantNodes())
        {
            if (node is MethodDeclarationSyntax or LocalFunctionStatementSyntax
                && model.GetDeclaredSymbol(node) is IMethodSymbol symbol
                && Body(node) is not null)
            {
                declarations[symbol] = node;
            }
        }
        var calls = CallGraph(model, root, declarations);
        var recursive = declarations.Where(d => InCycle(d.Key, calls)).ToDictionary(d => d.Value, d => d.Key);
        if (recursive.Count == 0)
        {
            return tree;
        }
        var guarded = root.ReplaceNodes(recursive.Keys, (original, rewritten) => Guard(rewritten, IsStatementBody(recursive[original])));
        return tree.WithRootAndOptions(guarded, tree.Options);
    }

    private static Dictionary<IMethodSymbol, HashSet<IMethodSymbol>> CallGraph(
        SemanticModel model, SyntaxNode root, Dictionary<IMethodSymbol, SyntaxNode> declarations)
    {
        var calls = new Dictionary<IMethodSymbol, HashSet<IMethodSymbol>>(SymbolEqualityComparer.Default);
        foreach (var method in declarations.Keys)
        {
            calls[method] = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        }
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol callee
                || invocation.Ancestors().FirstOrDefault(a => a is MethodDeclarationSyntax or LocalFunctionStatementSyntax) is not { } caller
                || model.GetDeclaredSymbol(caller) is not IMethodSymbol from
                || !calls.TryGetValue(from, out var targets))
            {
                continue;
            }
            targets.Add((callee.ReducedFrom ?? callee).OriginalDefinition);
        }
        // A call to a virtual or interface method may run any of the code's overrides of it.
        foreach (var method in declarations.Keys)
        {
            if (method.OverriddenMethod?.OriginalDefinition is { } overridden && calls.TryGetValue(overridden, out var fromBase))
            {
                fromBase.Add(method);
            }
            foreach (var contract in method.ExplicitInterfaceImplementations)
            {
                if (calls.TryGetValue(contract.OriginalDefinition, out var fromInterface))
                {
                    fromInterface.Add(method);
                }
            }
            foreach (var contract in method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name).OfType<IMethodSymbol>()))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(contract), method)
                    && calls.TryGetValue(contract.OriginalDefinition, out var fromInterface))
                {
                    fromInterface.Add(method);
                }
            }
        }
        return calls;
    }

    private static bool InCycle(IMethodSymbol start, Dictionary<IMethodSymbol, HashSet<IMethodSymbol>> calls)
    {
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IMethodSymbol>(calls[start]);
        while (pending.TryPop(out var method))
        {
            if (SymbolEqualityComparer.Default.Equals(method, start))
            {
                return true;
            }
            if (seen.Add(method) && calls.TryGetValue(method, out var next))
            {
                foreach (var callee in next)
                {
                    pending.Push(callee);
                }
            }
        }
        return false;
    }

    // An expression body becomes a statement rather than `return expr;` when nothing is returned.
    private static bool IsStatementBody(IMethodSymbol method) =>
        method.ReturnsVoid
        || (method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false } task
            && task.Name is "Task" or "ValueTask");

    private static CSharpSyntaxNode? Body(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => (CSharpSyntaxNode?)m.Body ?? m.ExpressionBody,
        LocalFunctionStatementSyntax f => (CSharpSyntaxNode?)f.Body ?? f.ExpressionBody,
        _ => null,
    };

    private static SyntaxNode Guard(SyntaxNode function, bool statementBody)
    {
        var body = Body(function)!;
        var block = body is BlockSyntax existing ? Prepend(existing) : FromExpression((ArrowExpressionClauseSyntax)body, Semicolon(function), statementBody);
        return function switch
        {
            MethodDeclarationSyntax m => m.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            LocalFunctionStatementSyntax f => f.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            _ => function,
        };
    }

    private static SyntaxToken Semicolon(SyntaxNode function) => function switch
    {
        MethodDeclarationSyntax m => m.SemicolonToken,
        LocalFunctionStatementSyntax f => f.SemicolonToken,
        _ => default,
    };

    // `{ guard();<the brace's own trailing trivia>` keeps every following token on its line.
    private static BlockSyntax Prepend(BlockSyntax block)
    {
        var open = block.OpenBraceToken;
        var guard = SyntaxFactory.ParseStatement(GuardCall).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(open.TrailingTrivia);
        return block.WithOpenBraceToken(open.WithTrailingTrivia()).WithStatements(block.Statements.Insert(0, guard));
    }

    // `=> expr;` becomes `{ guard(); return expr; }` on the same lines: the arrow's trivia goes to the
    // brace and to `return`, the semicolon's trailing trivia to the closing brace.
    private static BlockSyntax FromExpression(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool statementBody)
    {
        var open = SyntaxFactory.Token(SyntaxKind.OpenBraceToken)
            .WithLeadingTrivia(arrow.ArrowToken.LeadingTrivia);
        var guard = SyntaxFactory.ParseStatement(GuardCall).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space);
        var end = semicolon.WithTrailingTrivia();
        var expression = arrow.Expression;
        StatementSyntax statement = expression switch
        {
            ThrowExpressionSyntax t => SyntaxFactory.ThrowStatement(
                t.ThrowKeyword, t.Expression, end)
                .WithLeadingTrivia(arrow.ArrowToken.TrailingTrivia),
            _ when statementBody => SyntaxFactory.ExpressionStatement(expression, end)
                .WithLeadingTrivia(arrow.ArrowToken.TrailingTrivia.AddRange(expression.GetLeadingTrivia())),
            _ => SyntaxFactory.ReturnStatement(
                SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(arrow.ArrowToken.TrailingTrivia.Add(SyntaxFactory.Space)),
                expression,
                end),
        };
        var close = SyntaxFactory.Token(SyntaxKind.CloseBraceToken)
            .WithLeadingTrivia(SyntaxFactory.Space)
            .WithTrailingTrivia(semicolon.TrailingTrivia);
        return SyntaxFactory.Block(open, SyntaxFactory.List([guard, statement]), close);
    }
}
