using System.Reflection;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.ScriptUdf;

/// <summary>Finds the class and method the options name in the compiled code, with located errors.</summary>
internal static class UdfMethods
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>The generated wrapper, or the class named by className / methodName="Class.method".</summary>
    public static Type FindClass(System.Reflection.Assembly assembly, ScriptUdfOptions options)
    {
        var wrapper = assembly.GetType("ByzerSharp.ScriptUdf.Generated." + UdfSource.ClassName, throwOnError: true)!;
        if (options.ClassName is null)
        {
            return wrapper;
        }
        var nested = UserClasses(wrapper).Where(t => t.Name == options.ClassName).ToList();
        if (nested.Count == 0)
        {
            nested = UserClasses(wrapper).Where(t => string.Equals(t.Name, options.ClassName, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        return nested.Count switch
        {
            1 => nested[0],
            _ => throw ByzerException.Semantic(
                $"class '{options.ClassName}' is not defined in the code",
                options.MethodSpan,
                Defines("classes", UserClasses(wrapper).Select(t => t.Name))),
        };
    }

    /// <summary>The one method of that name (exact case first, then ignoring case, as Byzer's apply may be written Apply).</summary>
    public static MethodInfo FindMethod(Type type, string name, ByzerSharp.Text.SourceSpan span, string role = "method")
    {
        var methods = UserMethods(type).Where(m => m.Name == name).ToList();
        if (methods.Count == 0)
        {
            methods = UserMethods(type).Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        }
        return methods.Count switch
        {
            1 => methods[0],
            0 => throw ByzerException.Semantic(
                $"{role} '{name}' is not defined in {Where(type)}",
                span,
                Defines("methods", UserMethods(type).Select(m => m.Name))),
            _ => throw ByzerException.Semantic(
                $"{role} '{name}' has {methods.Count} overloads in {Where(type)}; a SQL function needs exactly one",
                span,
                "rename the overloads, or name one with methodName=\"…\""),
        };
    }

    /// <summary>A method by name ignoring case, or null (for optional UDAF members).</summary>
    public static MethodInfo? TryFindMethod(Type type, string name) =>
        UserMethods(type).Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList() is [var only] ? only : null;

    /// <summary>Creates the object instance methods run on; the class needs a parameterless constructor.</summary>
    public static Func<object>? TargetFactory(MethodInfo method, ByzerSharp.Text.SourceSpan span)
    {
        if (method.IsStatic)
        {
            return null;
        }
        var type = method.DeclaringType!;
        var ctor = type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw ByzerException.Semantic(
                $"class '{type.Name}' has no parameterless constructor, so '{method.Name}' has no object to run on",
                span,
                "make the method static, or add a parameterless constructor");
        return () => ctor.Invoke(null);
    }

    private static IEnumerable<Type> UserClasses(Type wrapper) =>
        wrapper.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).Where(t => !IsCompilerGenerated(t));

    private static IEnumerable<MethodInfo> UserMethods(Type type) =>
        type.GetMethods(Declared).Where(m => !m.IsSpecialName && !IsCompilerGenerated(m) && !m.Name.Contains('<', StringComparison.Ordinal));

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false);

    private static string Where(Type type) => type.Name == UdfSource.ClassName ? "the code" : $"class '{type.Name}'";

    private static string Defines(string what, IEnumerable<string> names)
    {
        var list = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0
            ? $"the code defines no {what}; set methodName=\"…\" (default apply) to one it defines"
            : $"the code defines {what}: {string.Join(", ", list)}";
    }
}
