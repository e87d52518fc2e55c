using System.Buffers.Binary;
using System.IO.Compression;
using static TorchSharp.torch;

namespace ByzerSharp.Torch.Bench;

/// <summary>Features [n, inputs] float32 in [0,1] and labels [n] int64, plus where they came from.</summary>
internal sealed record Dataset(Tensor X, Tensor Y, string Origin) : IDisposable
{
    public long Count => X.shape[0];

    public void Dispose()
    {
        X.Dispose();
        Y.Dispose();
    }

    /// <summary>
    /// Reads Fashion-MNIST's idx files directly (the same pixels the converter writes to PNG). With
    /// <paramref name="rgb"/> each grey value is repeated into 3 interleaved channels, which is what the
    /// pipeline's colour decode of those PNGs yields and why its network takes 28*28*3 inputs.
    /// </summary>
    public static Dataset FashionMnist(string folder, string prefix, int? limit, bool rgb)
    {
        var (dims, pixels) = ReadIdx(folder, $"{prefix}-images-idx3-ubyte");
        var (_, labels) = ReadIdx(folder, $"{prefix}-labels-idx1-ubyte");
        var count = limit is { } l ? Math.Min(l, dims[0]) : dims[0];
        var size = dims[1] * dims[2];
        using var bytes = tensor(pixels.AsSpan(0, count * size).ToArray(), [count, size]);
        using var grey = bytes.to_type(ScalarType.Float32).div_(255);
        var x = rgb ? grey.unsqueeze(2).expand(count, size, 3).reshape(count, size * 3).contiguous() : grey.clone();
        var y = tensor(labels.AsSpan(0, count).ToArray().Select(b => (long)b).ToArray(), [count]);
        return new Dataset(x, y, $"Fashion-MNIST {prefix} ({folder})");
    }

    /// <summary>Stand-in when Fashion-MNIST is not installed: noisy copies of one random prototype per class.</summary>
    public static Dataset Synthetic(int count, int inputs, ulong seed)
    {
        using var prototypes = rand([10, inputs], generator: new Generator(17));
        using var sampler = new Generator(seed);
        var y = randint(10, [count], dtype: ScalarType.Int64, generator: sampler);
        using var noise = randn([count, inputs], generator: sampler);
        var x = (prototypes.index_select(0, y) + noise * 0.5).clamp_(0, 1);
        return new Dataset(x, y, "synthetic clusters (Fashion-MNIST not installed)");
    }

    public static bool Exists(string folder) =>
        File.Exists(Path.Combine(folder, "train-images-idx3-ubyte.gz")) || File.Exists(Path.Combine(folder, "train-images-idx3-ubyte"));

    private static (int[] Dims, byte[] Data) ReadIdx(string folder, string stem)
    {
        var gz = Path.Combine(folder, stem + ".gz");
        using var file = File.OpenRead(File.Exists(gz) ? gz : Path.Combine(folder, stem));
        using Stream input = File.Exists(gz) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var data = buffer.ToArray();
        if (data.Length < 4 || data[0] != 0 || data[1] != 0 || data[2] != 0x08)
            throw new InvalidDataException($"{stem} is not an unsigned-byte idx file");
        var dims = Enumerable.Range(0, data[3]).Select(d => BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4 + 4 * d))).ToArray();
        return (dims, data[(4 + 4 * dims.Length)..]);
    }
}
