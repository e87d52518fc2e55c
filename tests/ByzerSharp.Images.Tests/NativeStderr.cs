using System.Runtime.InteropServices;

namespace ByzerSharp.Images.Tests;

/// <summary>Captures what native code writes to file descriptor 2 (OpenCV logs with fprintf, past Console.Error).</summary>
internal static class NativeStderr
{
    private static readonly object Gate = new();

    public static string Capture(Action action)
    {
        var path = Path.GetTempFileName();
        lock (Gate)
        {
            var saved = Dup(2);
            var file = Open(path, 1 /* O_WRONLY */);
            try
            {
                Dup2(file, 2);
                action();
            }
            finally
            {
                Dup2(saved, 2);
                Close(file);
                Close(saved);
            }
        }
        var text = File.ReadAllText(path);
        File.Delete(path);
        return text;
    }

    [DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int fd, int target);

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
