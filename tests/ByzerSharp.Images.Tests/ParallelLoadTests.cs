using OpenCvSharp;
using Xunit;

namespace ByzerSharp.Images.Tests;

/// <summary>Enough files for several workers: rows must keep the file order and every file must appear once.</summary>
public sealed class ParallelLoadTests : IDisposable
{
    private const int Files = 700;

    private readonly string _dir = Directory.CreateTempSubdirectory("byzer-images-").FullName;

    public ParallelLoadTests()
    {
        for (var i = 0; i < Files; i++)
        {
            var path = Path.Combine(_dir, $"{i:0000}.png");
            if (i % 100 == 42)
            {
                File.WriteAllText(path, "broken");
                continue;
            }
            using var image = new Mat(2, 3, MatType.CV_8UC3, new Scalar(i % 256, i / 256, 7));
            Assert.True(Cv2.ImWrite(path, image));
        }
    }

    [Theory]
    [InlineData("false", Files)]
    [InlineData("true", Files - 7)]
    public void Rows_keep_the_file_order(string dropInvalid, int expected)
    {
        using var engine = new ByzerEngine(new ByzerOptions { Extensions = { new ImageExtension() } });

        var table = engine.Run($"load image.`{_dir}` where dropInvalid=\"{dropInvalid}\" as i; select image.origin as origin, image.height as h, image.data as data from i as r;").Table!;

        Assert.Equal(expected, table.Rows.Count);
        var origins = table.Rows.Select(r => (string)r[0]!).ToList();
        Assert.Equal(origins.Order(StringComparer.Ordinal), origins);
        foreach (var row in table.Rows)
        {
            var n = int.Parse(Path.GetFileNameWithoutExtension((string)row[0]!), System.Globalization.CultureInfo.InvariantCulture);
            if (n % 100 == 42)
            {
                Assert.Equal(-1, row[1]);
                continue;
            }
            Assert.Equal(new byte[] { (byte)(n % 256), (byte)(n / 256), 7 }, ((byte[])row[2]!)[..3]);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
