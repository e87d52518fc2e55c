using ByzerSharp.Diagnostics;
using Xunit;

namespace ByzerSharp.Images.Tests;

public sealed class OpenCvRuntimeTests
{
    private const string Preamble =
        "Unable to load shared library 'OpenCvSharpExtern' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \n";

    private const string AbsentCandidates =
        "/app/runtimes/linux-x64/native/OpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n" +
        "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libOpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n";

    // The loader's message as .NET 10 reports a missing GTK under OpenCvSharpExtern (captured on Debian 12).
    private const string MissingGtk = Preamble + AbsentCandidates + "libgtk-3.so.0: cannot open shared object file: No such file or directory\n";

    [Fact]
    public void A_missing_gtk_is_reported_as_the_package_to_install()
    {
        var failure = new TypeInitializationException("OpenCvSharp.Internal.NativeMethods", new DllNotFoundException(MissingGtk));

        var error = OpenCvLoadFailure.Describe(failure, null);

        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.Equal("OpenCV's native library cannot be loaded: libgtk-3.so.0: cannot open shared object file: No such file or directory", error.Message);
        Assert.Contains("sudo apt-get install -y libgtk-3-0", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_gtk_keeps_the_loaders_reason_and_does_not_suggest_installing_it()
    {
        // QA's case: an empty libgtk-3.so.0 first on LD_LIBRARY_PATH (captured with OpenCvSharp 4.13).
        var failure = new TypeInitializationException("OpenCvSharp.Internal.NativeMethods",
            new DllNotFoundException(Preamble + AbsentCandidates + "/tmp/qa5/fakelib/libgtk-3.so.0: file too short\n"));

        var (reason, hint) = OpenCvLoadFailure.Explain(failure);

        Assert.Equal("/tmp/qa5/fakelib/libgtk-3.so.0: file too short", reason);
        Assert.DoesNotContain("apt-get", hint, StringComparison.Ordinal);
        Assert.Contains("LD_LIBRARY_PATH", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_missing_dependency_is_named_in_the_help()
    {
        var failure = new DllNotFoundException(Preamble + AbsentCandidates + "libavcodec.so.59: cannot open shared object file: No such file or directory\n");

        var (reason, hint) = OpenCvLoadFailure.Explain(failure);

        Assert.Equal("libavcodec.so.59: cannot open shared object file: No such file or directory", reason);
        Assert.Contains("provides libavcodec.so.59", hint, StringComparison.Ordinal);
        Assert.DoesNotContain("GTK", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_symbol_version_is_kept()
    {
        var failure = new DllNotFoundException(Preamble +
            "/app/runtimes/linux-x64/native/libOpenCvSharpExtern.so: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found (required by /app/runtimes/linux-x64/native/libOpenCvSharpExtern.so)\n" +
            AbsentCandidates);

        var (reason, _) = OpenCvLoadFailure.Explain(failure);

        Assert.Contains("version `GLIBC_2.38' not found", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_missing_from_every_path_says_so()
    {
        var (reason, hint) = OpenCvLoadFailure.Explain(new DllNotFoundException(Preamble + AbsentCandidates));

        Assert.Equal("OpenCvSharpExtern was not found next to the program", reason);
        Assert.Contains("runtimes/linux-x64/native", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_architecture_names_the_exception()
    {
        var (reason, _) = OpenCvLoadFailure.Explain(new BadImageFormatException("An attempt was made to load a program with an incorrect format."));

        Assert.Equal("BadImageFormatException: An attempt was made to load a program with an incorrect format.", reason);
    }

    [Fact]
    public void The_library_loads_on_this_machine()
    {
        // scripts/setup.sh installs GTK 3; a failure here names what is missing.
        var error = Record.Exception(() => OpenCvRuntime.EnsureLoaded(null));

        Assert.Null(error);
    }

    [Fact]
    public void OpenCvs_own_log_lines_do_not_reach_stderr()
    {
        OpenCvRuntime.EnsureLoaded(null);
        // A truncated PNG: OpenCV logs "[ WARN:0@…] … PNG input buffer is incomplete" and "[ERROR:0@…] … IHDR chunk shall be first".
        var truncated = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3 };

        var stderr = NativeStderr.Capture(() => Assert.Null(ImageDecoder.Decode("file:/t.png", truncated)));

        Assert.DoesNotContain("[ WARN:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERROR:", stderr, StringComparison.Ordinal);
    }
}
