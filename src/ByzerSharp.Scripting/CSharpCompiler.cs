using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using ByzerSharp.Diagnostics;

namespace ByzerSharp.Scripting;

/// <summary>
/// Compiles user C# once per (source, references, output) hash. The assembly is kept in memory for
/// the process and on disk across runs, so a script run again never pays Roslyn's start-up (about
/// two seconds): a cache hit does not even load the compiler's assemblies.
/// </summary>
public static class CSharpCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new();
    private static int _roslynCompilations;

    /// <summary>Where compiled assemblies are kept: $BYZER_CACHE_DIR/csharp, or ~/.cache/byzersharp/csharp.</summary>
    public static string CacheDirectory { get; } = ResolveCacheDirectory();

    /// <summary>How many times this process ran Roslyn (cache misses), for tests and diagnostics.</summary>
    public static int RoslynCompilations => Volatile.Read(ref _roslynCompilations);

    /// <summary>The compiled assembly; throws a located <see cref="ByzerException"/> on compile errors.</summary>
    public static Assembly Compile(CSharpCompileRequest request)
    {
        var references = request.References ?? [];
        var key = Hash(request, references);
        var lazy = Loaded.GetOrAdd(key, k => new Lazy<Assembly>(() => LoadOrBuild(k, request, references)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed compilation is not cached: the user fixes the code, whose hash then differs anyway,
            // but a transient I/O failure must not poison the key.
            Loaded.TryRemove(new KeyValuePair<string, Lazy<Assembly>>(key, lazy));
            throw;
        }
    }

    private static Assembly LoadOrBuild(string key, CSharpCompileRequest request, IReadOnlyList<Assembly> references)
    {
        var path = Path.Combine(CacheDirectory, key + ".dll");
        if (File.Exists(path))
        {
            try
            {
                return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }
            catch (BadImageFormatException)
            {
                // A truncated file from a crashed writer: rebuild it below.
            }
        }
        Interlocked.Increment(ref _roslynCompilations);
        var image = RoslynBuild.Emit(AssemblyName(key), request, references);
        Store(path, image);
        return File.Exists(path)
            ? AssemblyLoadContext.Default.LoadFromAssemblyPath(path)
            : AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image));
    }

    internal static string AssemblyName(string key) => "byzer_csharp_" + key[..24];

    // Written to a private temporary name and renamed: readers never see a partial file, and two
    // processes racing write identical bytes, so whichever rename lands last is still correct.
    private static void Store(string path, byte[] image)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, image);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
            // An unwritable cache only costs the next run a compilation.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Hash(CSharpCompileRequest request, IReadOnlyList<Assembly> references)
    {
        var text = new StringBuilder()
            .Append("byzer-csharp-v2\n") // v2: recursive functions carry a stack guard
            .Append(typeof(CSharpCompiler).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(Environment.Version).Append('\n')
            .Append(request.Output).Append('\n');
        foreach (var reference in references.OrderBy(r => r.FullName, StringComparer.Ordinal))
        {
            text.Append(reference.FullName).Append(' ').Append(reference.ManifestModule.ModuleVersionId).Append('\n');
        }
        text.Append(request.Source);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string ResolveCacheDirectory()
    {
        var root = Environment.GetEnvironmentVariable("BYZER_CACHE_DIR");
        if (string.IsNullOrWhiteSpace(root))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            root = Path.Combine(
                string.IsNullOrWhiteSpace(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg,
                "byzersharp");
        }
        return Path.Combine(root, "csharp");
    }
}
