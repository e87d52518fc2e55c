using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ByzerSharp.Delta.Log;
using Xunit;

namespace ByzerSharp.Delta.Tests;

/// <summary>Every column type written and read back, partitioned and not; file layout and stats as Spark writes them.</summary>
public sealed partial class RoundTripTests
{
    private const string AllTypes = """
        SELECT * FROM (VALUES
          (1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::BIGINT, 1.5::FLOAT, 2.25::DOUBLE, 12.34::DECIMAL(10,2), 123456789012345678.0123456789::DECIMAL(38,10),
           'héllo', true, '\x01\x02'::BLOB, DATE '2024-02-29', TIMESTAMPTZ '2024-01-01 10:00:00.123456+00', TIMESTAMP '2021-06-01 12:34:56',
           [1, 2, NULL]::INTEGER[], {'a': 1, 'b': 'x'}::STRUCT(a INTEGER, b VARCHAR), MAP {'k': 1}::MAP(VARCHAR, INTEGER)),
          ((-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INTEGER, (-9223372036854775808)::BIGINT, 'NaN'::FLOAT, '-Infinity'::DOUBLE, (-0.01)::DECIMAL(10,2), 0::DECIMAL(38,10),
           'a/b=c%', false, ''::BLOB, DATE '1900-01-01', TIMESTAMPTZ '1970-01-01 00:00:00+00', TIMESTAMP '2100-12-31 23:59:59.999999',
           []::INTEGER[], {'a': NULL, 'b': NULL}::STRUCT(a INTEGER, b VARCHAR), MAP {}::MAP(VARCHAR, INTEGER)),
          (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
        ) AS v(tiny, small, i, big, f, d, dec, wide, s, b, bin, day, ts, local_ts, arr, st, m)
        """;

    [Fact]
    public void EveryTypeRoundTrips()
    {
        using var fx = new TableFixture();
        fx.Write(AllTypes, Write.WriteMode.ErrorIfExists);
        fx.Duck.Execute("CREATE VIEW source AS " + AllTypes);
        fx.Duck.Execute("CREATE VIEW back AS " + fx.Scan());
        Assert.Equal(3, fx.Duck.Long("SELECT count(*) FROM back"));
        Assert.Equal(0, fx.Duck.Difference("source", "back"));
        var schema = DeltaTable.Open(fx.Path()).Snapshot().Schema;
        Assert.Equal(
            ["byte", "short", "integer", "long", "float", "double", "decimal(10,2)", "decimal(38,10)", "string", "boolean", "binary", "date", "timestamp", "timestamp"],
            schema.Fields.Take(14).Select(f => ((Schema.PrimitiveType)f.Type).Name));
        Assert.Equal("""{"type":"array","elementType":"integer","containsNull":true}""", schema.Fields[14].Type.ToJson().ToJsonString());
        Assert.All(schema.Fields, f => Assert.True(f.Nullable));
    }

    [Theory]
    [InlineData("tiny")]
    [InlineData("small")]
    [InlineData("i")]
    [InlineData("big")]
    [InlineData("d")]
    [InlineData("dec")]
    [InlineData("s")]
    [InlineData("b")]
    [InlineData("day")]
    [InlineData("ts")]
    [InlineData("local_ts")]
    public void PartitionedByEachTypeRoundTrips(string column)
    {
        using var fx = new TableFixture();
        var result = fx.Write(AllTypes, partitionBy: [column]);
        Assert.Equal(3, result.Files);
        fx.Duck.Execute("CREATE VIEW source AS " + AllTypes);
        fx.Duck.Execute("CREATE VIEW back AS " + fx.Scan());
        Assert.Equal(0, fx.Duck.Difference("source", "back"));
        var snapshot = DeltaTable.Open(fx.Path()).Snapshot();
        Assert.Equal([column], snapshot.Metadata.PartitionColumns);
        foreach (var file in snapshot.Files)
        {
            Assert.True(File.Exists(snapshot.FileOf(file)), file.Path);
            Assert.StartsWith(column + "=", file.DecodedPath, StringComparison.Ordinal);
            // Partition columns stay out of the data files, as Spark writes them.
            Assert.DoesNotContain(fx.Duck.Describe($"SELECT * FROM read_parquet('{snapshot.FileOf(file)}', hive_partitioning=false)"), c => c.Name == column);
        }
        Assert.Contains(snapshot.Files, f => f.PartitionValues[column] is null && f.DecodedPath.StartsWith(column + "=__HIVE_DEFAULT_PARTITION__/", StringComparison.Ordinal));
    }

    [Fact]
    public void SpecialPartitionValuesAreEscapedOnDiskAndEncodedInTheLog()
    {
        using var fx = new TableFixture();
        const string data = "SELECT * FROM (VALUES ('a/b', 1), ('x=y', 2), ('100%', 3), ('sp ace', 4), ('ü:#', 5), ('bar+%21', 6)) AS v(p, n)";
        fx.Write(data, partitionBy: ["p"]);
        var snapshot = DeltaTable.Open(fx.Path()).Snapshot();
        var byValue = snapshot.Files.ToDictionary(f => f.PartitionValues["p"]!, f => f);
        Assert.StartsWith("p=a%2Fb/", byValue["a/b"].DecodedPath, StringComparison.Ordinal);
        Assert.StartsWith("p=x%3Dy/", byValue["x=y"].DecodedPath, StringComparison.Ordinal);
        Assert.StartsWith("p=bar+%2521/", byValue["bar+%21"].DecodedPath, StringComparison.Ordinal);
        Assert.StartsWith("p=bar+%252521/", byValue["bar+%21"].Path, StringComparison.Ordinal);
        Assert.All(snapshot.Files, f => Assert.True(File.Exists(snapshot.FileOf(f)), f.Path));
        Assert.Equal(["100%\t3", "a/b\t1", "bar+%21\t6", "sp ace\t4", "x=y\t2", "ü:#\t5"], fx.Rows());
    }

    [Fact]
    public void EmptyStringPartitionReadsAsNullLikeSpark()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT '' AS p, 1 AS n");
        fx.Write("SELECT '' AS p, 2 AS n", Write.WriteMode.Overwrite, table: "u", partitionBy: ["p"]);
        Assert.Equal(["\t1"], fx.Rows());
        Assert.Equal(["NULL\t2"], fx.Rows("u"));
    }

    [Fact]
    public void FirstCommitLooksLikeSparks()
    {
        using var fx = new TableFixture();
        fx.Write("SELECT range AS id, 'v' || range AS s FROM range(10)", Write.WriteMode.ErrorIfExists);
        var lines = File.ReadAllLines(Path.Combine(fx.Path(), "_delta_log", "00000000000000000000.json")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["commitInfo", "protocol", "metaData", "add"], lines.Select(l => l.Single().Key));
        Assert.Equal("""{"minReaderVersion":1,"minWriterVersion":2}""", lines[1]["protocol"]!.ToJsonString());
        Assert.Equal("""{"type":"struct","fields":[{"name":"id","type":"long","nullable":true,"metadata":{}},{"name":"s","type":"string","nullable":true,"metadata":{}}]}""",
            lines[2]["metaData"]!["schemaString"]!.GetValue<string>());
        Assert.Equal("ErrorIfExists", lines[0]["commitInfo"]!["operationParameters"]!["mode"]!.GetValue<string>());
        Assert.Matches(PartFileName(), lines[3]["add"]!["path"]!.GetValue<string>());
        var stats = JsonNode.Parse(lines[3]["add"]!["stats"]!.GetValue<string>())!;
        Assert.Equal("""{"numRecords":10,"minValues":{"id":0,"s":"v0"},"maxValues":{"id":9,"s":"v9"},"nullCount":{"id":0,"s":0}}""", stats.ToJsonString());
    }

    [Fact]
    public void StatsAreExactAndOmitWhatCannotBeExact()
    {
        using var fx = new TableFixture();
        fx.Write("""
            SELECT * FROM (VALUES
              (1, 'short', 1.5::DOUBLE, TIMESTAMPTZ '2024-01-01 00:00:00.123999+00', true, DATE '2024-03-01', 1.25::DECIMAL(5,2)),
              (NULL, repeat('x', 40), 'NaN'::DOUBLE, TIMESTAMPTZ '2024-01-02 00:00:00+00', false, NULL, NULL)
            ) AS v(n, s, d, ts, b, day, dec)
            """);
        var add = DeltaTable.Open(fx.Path()).Snapshot().Files.Single();
        var stats = add.ParsedStats()!;
        Assert.Equal(2, stats["numRecords"]!.GetValue<long>());
        Assert.Equal("""{"n":1,"ts":"2024-01-01T00:00:00.123Z","day":"2024-03-01","dec":1.25}""", stats["minValues"]!.ToJsonString());
        Assert.Equal("""{"n":1,"ts":"2024-01-02T00:00:00.000Z","day":"2024-03-01","dec":1.25}""", stats["maxValues"]!.ToJsonString());
        Assert.Equal("""{"n":1,"s":0,"d":0,"ts":0,"b":0,"day":1,"dec":1}""", stats["nullCount"]!.ToJsonString());
    }

    [Fact]
    public void FileNumSpreadsRowsOverThatManyFiles()
    {
        using var fx = new TableFixture();
        var result = fx.Write("SELECT range AS id FROM range(100)", files: 4);
        Assert.Equal(4, result.Files);
        var snapshot = DeltaTable.Open(fx.Path()).Snapshot();
        Assert.Equal(4, snapshot.Files.Count);
        Assert.Equal(100, snapshot.Files.Sum(f => f.ParsedStats()!["numRecords"]!.GetValue<long>()));
        Assert.Equal(4950, fx.Duck.Long($"SELECT CAST(sum(id) AS BIGINT) FROM ({fx.Scan()})"));
        Assert.Single(snapshot.Files.Select(f => Regex.Match(f.Path, "-([0-9a-f-]{36})\\.").Groups[1].Value).Distinct());
    }

    [Fact]
    public void EmptyDataCommitsNoFiles()
    {
        using var fx = new TableFixture();
        var result = fx.Write("SELECT range AS id FROM range(0)", Write.WriteMode.ErrorIfExists);
        Assert.Equal(0, result.Files);
        Assert.Equal(0L, result.Version);
        Assert.Empty(fx.Rows());
        Assert.Equal([("id", "BIGINT")], fx.Duck.Describe("(" + fx.Scan() + ")"));
    }

    [GeneratedRegex(@"^part-00000-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.c000\.snappy\.parquet$")]
    private static partial Regex PartFileName();
}
