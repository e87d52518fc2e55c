using System.Reflection;
using System.Reflection.Metadata;

namespace ByzerSharp.Cells;

/// <summary>
/// Whether compiled cell code really uses TorchSharp, so that only such cells load libtorch (about
/// half a gigabyte of native code, with its own thread pool). Referencing the assembly is not
/// enough of a sign: every cell's <c>global using static TorchSharp.torch</c> lands in the
/// embedded PDB's import scope as a type reference to <c>torch</c>, used or not. Code that uses
/// torch references one of its members or another of its types.
/// </summary>
internal static class TorchUse
{
    private const string TorchAssembly = "TorchSharp";

    public static unsafe bool In(Assembly assembly)
    {
        if (!assembly.GetReferencedAssemblies().Any(a => a.Name == TorchAssembly))
        {
            return false;
        }
        if (!assembly.TryGetRawMetadata(out var blob, out var length))
        {
            return true;
        }
        var reader = new MetadataReader(blob, length);
        foreach (var handle in reader.MemberReferences)
        {
            if (reader.GetMemberReference(handle).Parent is { Kind: HandleKind.TypeReference } parent
                && FromTorch(reader, (TypeReferenceHandle)parent))
            {
                return true;
            }
        }
        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            var isImportOnly = type.ResolutionScope.Kind == HandleKind.AssemblyReference
                && reader.GetString(type.Namespace) == "TorchSharp" && reader.GetString(type.Name) == "torch";
            if (!isImportOnly && FromTorch(reader, handle))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a type reference (nested types through their enclosing one) points into TorchSharp.</summary>
    private static bool FromTorch(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.AssemblyReference => reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == TorchAssembly,
            HandleKind.TypeReference => FromTorch(reader, (TypeReferenceHandle)scope),
            _ => false,
        };
    }
}
