using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;

namespace ByzerSharp.Torch.Tests;

/// <summary>The converters in scripts/ on tiny synthetic inputs; the PNGs are decoded here and compared pixel by pixel.</summary>
public sealed class DatasetScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("byzersharp-datasets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public void Converts_cifar10_binary_batches_into_labelled_rgb_pngs()
    {
        var source = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        var train = new[] { CifarRecord(3, 10), CifarRecord(9, 20) };
        File.WriteAllBytes(Path.Combine(source, "data_batch_1.bin"), train[0]);
        File.WriteAllBytes(Path.Combine(source, "data_batch_2.bin"), train[1]);
        File.WriteAllBytes(Path.Combine(source, "test_batch.bin"), CifarRecord(0, 30));

        var (code, _, error) = RunScript("cifar10-bin-to-cifar-layout.py", source, Path.Combine(_dir, "out"));

        Assert.True(code == 0, error);
        Assert.Equal(["0_cat.png", "1_truck.png"], Files("train"));
        Assert.Equal(["0_airplane.png"], Files("test"));
        var (width, height, channels, pixels) = DecodePng(Path.Combine(_dir, "out", "cifar", "train", "1_truck.png"));
        Assert.Equal((32, 32, 3), (width, height, channels));
        // Pixel i of plane c was written as seed + c*100 + i (mod 256); the PNG interleaves R, G, B.
        for (var i = 0; i < 1024; i += 97)
            Assert.Equal([(byte)(20 + i), (byte)(120 + i), (byte)(220 + i)], pixels.Skip(3 * i).Take(3).ToArray());
    }

    [SkippableFact]
    public void Rejects_a_cifar10_file_that_is_not_whole_records()
    {
        var source = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        File.WriteAllBytes(Path.Combine(source, "data_batch_1.bin"), new byte[100]);

        var (code, _, error) = RunScript("cifar10-bin-to-cifar-layout.py", source, Path.Combine(_dir, "out"));

        Assert.NotEqual(0, code);
        Assert.Contains("not a whole number of 3073-byte CIFAR-10 records", error);
    }

    [SkippableFact]
    public void Converts_fashion_mnist_idx_files_gzipped_or_not()
    {
        var source = Directory.CreateDirectory(Path.Combine(_dir, "idx")).FullName;
        // 3 train images of 4 rows × 5 columns (gzipped, like the Debian package) and 1 test image (plain).
        WriteIdx(Path.Combine(source, "train-images-idx3-ubyte.gz"), [3, 4, 5], Enumerable.Range(0, 60).Select(i => (byte)(i * 4)).ToArray());
        WriteIdx(Path.Combine(source, "train-labels-idx1-ubyte.gz"), [3], [0, 9, 5]);
        WriteIdx(Path.Combine(source, "t10k-images-idx3-ubyte"), [1, 4, 5], Enumerable.Repeat((byte)7, 20).ToArray());
        WriteIdx(Path.Combine(source, "t10k-labels-idx1-ubyte"), [1], [1]);

        var (code, output, error) = RunScript("fashion-mnist-to-cifar-layout.py", Path.Combine(_dir, "out"), "--source", source);

        Assert.True(code == 0, error);
        Assert.Contains("train: 3 images", output);
        Assert.Equal(["0_tshirt.png", "1_ankleboot.png", "2_sandal.png"], Files("train"));
        Assert.Equal(["0_trouser.png"], Files("test"));
        var (width, height, channels, pixels) = DecodePng(Path.Combine(_dir, "out", "cifar", "train", "1_ankleboot.png"));
        Assert.Equal((5, 4, 3), (width, height, channels));
        var expected = Enumerable.Range(20, 20).SelectMany(i => Enumerable.Repeat((byte)(i * 4), 3)).ToArray();
        Assert.Equal(expected, pixels);
    }

    private string[] Files(string split) =>
        Directory.GetFiles(Path.Combine(_dir, "out", "cifar", split)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static byte[] CifarRecord(byte label, int seed)
    {
        var record = new byte[3073];
        record[0] = label;
        for (var c = 0; c < 3; c++)
            for (var i = 0; i < 1024; i++)
                record[1 + c * 1024 + i] = (byte)(seed + c * 100 + i);
        return record;
    }

    private static void WriteIdx(string path, int[] dims, byte[] payload)
    {
        var header = new byte[4 + 4 * dims.Length];
        header[2] = 0x08;
        header[3] = (byte)dims.Length;
        for (var d = 0; d < dims.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), dims[d]);
        using var file = File.Create(path);
        using Stream target = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        target.Write(header);
        target.Write(payload);
    }

    /// <summary>Decodes the converters' PNGs: 8-bit grey or RGB, one IDAT stream, filter type 0 on every row.</summary>
    private static (int Width, int Height, int Channels, byte[] Pixels) DecodePng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 0x1a, 10], bytes[..8]);
        int width = 0, height = 0, channels = 0;
        var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var kind = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (kind == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                channels = data[9] == 2 ? 3 : 1;
            }
            else if (kind == "IDAT")
                idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        Assert.Equal(height * (stride + 1), raw.Length);
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * (stride + 1)]);
            Array.Copy(raw, y * (stride + 1) + 1, pixels, y * stride, stride);
        }
        return (width, height, channels, pixels);
    }

    private static (int Code, string Output, string Error) RunScript(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot(), "scripts", script));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new SkipException("python3 is not installed; the dataset converters need it");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error);
        }
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ByzerSharp.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new DirectoryNotFoundException("ByzerSharp.sln not found above " + AppContext.BaseDirectory);
    }
}
