using ByzerSharp.Diagnostics;
using Xunit;

namespace ByzerSharp.Images.Tests;

public sealed class OpenCvRuntimeTests
{
    // The loader's message as .NET 10 reports a missing GTK under OpenCvSharpExtern (captured on Debian 12).
    private const string LoaderMessage =
        "Unable to load shared library 'OpenCvSharpExtern' or one of its dependencies. In order to help diagnose loading problems, consider using a tool like strace. If you're using glibc, consider setting the LD_DEBUG environment variable: \n" +
        "/app/runtimes/linux-x64/native/OpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n" +
        "libgtk-3.so.0: cannot open shared object file: No such file or directory\n" +
        "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libOpenCvSharpExtern.so: cannot open shared object file: No such file or directory\n";

    [Fact]
    public void A_missing_gtk_is_reported_as_the_package_to_install()
    {
        var failure = new TypeInitializationException("OpenCvSharp.Internal.NativeMethods", new DllNotFoundException(LoaderMessage));

        var error = OpenCvRuntime.Unavailable(OpenCvRuntime.Reason(failure), null);

        Assert.Equal(ErrorKind.Runtime, error.Kind);
        Assert.Equal("OpenCV's native library cannot be loaded: libgtk-3.so.0: cannot open shared object file: No such file or directory", error.Message);
        Assert.Contains("sudo apt-get install -y libgtk-3-0", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_loader_failure_keeps_its_first_line()
    {
        var failure = new DllNotFoundException("Unable to load shared library 'OpenCvSharpExtern'\nsomething else");

        Assert.Equal("Unable to load shared library 'OpenCvSharpExtern'", OpenCvRuntime.Reason(failure));
    }

    [Fact]
    public void The_library_loads_on_this_machine()
    {
        // scripts/setup.sh installs GTK 3; a failure here names what is missing.
        var error = Record.Exception(() => OpenCvRuntime.EnsureLoaded(null));

        Assert.Null(error);
    }
}
