using System.Text.Json;
using System.Text.Json.Nodes;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.Text;

namespace ByzerSharp.Plugins.StringIndex;

/// <summary>
/// A fitted StringIndexer: the labels in index order and the settings transform uses. Saved in
/// Spark ML's layout so the folder looks like what Byzer writes: <c>metadata/part-00000</c> (one
/// JSON line: class, timestamp, sparkVersion, uid, paramMap, defaultParamMap) and <c>data/</c>
/// (a parquet file with <c>labelsArray: array&lt;array&lt;string&gt;&gt;</c>), each with <c>_SUCCESS</c>.
/// </summary>
public sealed record StringIndexModel(string Uid, string InputCol, string OutputCol, string HandleInvalid, string StringOrderType, IReadOnlyList<string> Labels)
{
    public const string SparkClass = "org.apache.spark.ml.feature.StringIndexerModel";

    /// <summary>The Spark version Byzer 2.3 ships with, recorded as Spark does.</summary>
    public const string SparkVersion = "3.3.0";

    public static string NewUid() => "strIdx_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Writes the model, replacing an earlier model at the same path (Byzer always overwrites).</summary>
    public void Save(Database database, string path, SourceSpan pathSpan, IReadOnlyDictionary<string, string> explicitParams)
    {
        PrepareFolder(path, pathSpan);
        var metadata = Path.Combine(path, "metadata");
        var data = Path.Combine(path, "data");
        Directory.CreateDirectory(metadata);
        Directory.CreateDirectory(data);
        var paramMap = new JsonObject();
        foreach (var (k, v) in explicitParams)
        {
            paramMap[k] = v;
        }
        var json = new JsonObject
        {
            ["class"] = SparkClass,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["sparkVersion"] = SparkVersion,
            ["uid"] = Uid,
            ["paramMap"] = paramMap,
            ["defaultParamMap"] = new JsonObject
            {
                ["outputCol"] = Uid + "__output",
                ["handleInvalid"] = "error",
                ["stringOrderType"] = "frequencyDesc",
            },
        };
        File.WriteAllText(Path.Combine(metadata, "part-00000"), json.ToJsonString() + "\n");
        File.WriteAllText(Path.Combine(metadata, "_SUCCESS"), "");
        var file = Path.Combine(data, $"part-00000-{Guid.NewGuid()}-c000.snappy.parquet");
        database.Execute($"COPY (SELECT [{Sql.StrList(Labels)}::VARCHAR[]] AS labelsArray) TO {Sql.Str(file)} (FORMAT parquet, COMPRESSION snappy)", pathSpan);
        File.WriteAllText(Path.Combine(data, "_SUCCESS"), "");
    }

    /// <summary>Reads a model saved by <see cref="Save"/> (or by Spark 3's StringIndexerModel.save).</summary>
    public static StringIndexModel Load(Database database, string path, SourceSpan pathSpan)
    {
        var metadataFile = Path.Combine(path, "metadata", "part-00000");
        if (!File.Exists(metadataFile))
        {
            throw ByzerException.Runtime(
                $"Input path does not exist: file:{Path.Combine(path, "metadata")}",
                pathSpan,
                "train a model first: train t as StringIndex.`path` where inputCol=\"…\" and outputCol=\"…\"");
        }
        JsonObject metadata;
        try
        {
            metadata = JsonNode.Parse(File.ReadAllText(metadataFile))?.AsObject() ?? throw new JsonException("empty metadata");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw ByzerException.Runtime($"{metadataFile} is not Spark ML metadata: {e.Message}", pathSpan, "train the model again to rewrite it");
        }
        var cls = (string?)metadata["class"];
        if (cls != SparkClass)
        {
            throw ByzerException.Runtime($"{path} holds a {cls ?? "unknown"} model, not a {SparkClass}", pathSpan, "give the path a StringIndex train wrote");
        }
        string Param(string name, string fallback) =>
            (string?)metadata["paramMap"]?[name] ?? (string?)metadata["defaultParamMap"]?[name] ?? fallback;
        var uid = (string?)metadata["uid"] ?? NewUid();
        return new StringIndexModel(
            uid,
            Param("inputCol", ""),
            Param("outputCol", uid + "__output"),
            Param("handleInvalid", "error"),
            Param("stringOrderType", "frequencyDesc"),
            ReadLabels(database, Path.Combine(path, "data"), pathSpan));
    }

    private static IReadOnlyList<string> ReadLabels(Database database, string data, SourceSpan pathSpan)
    {
        if (!Directory.Exists(data) || Directory.GetFiles(data, "*.parquet").Length == 0)
        {
            throw ByzerException.Runtime($"Input path does not exist: file:{data}", pathSpan, "train the model again: its data/ folder is missing");
        }
        var files = Sql.Str(Path.Combine(data, "*.parquet"));
        var columns = database.Describe($"SELECT * FROM read_parquet({files})", pathSpan).Select(c => c.Name).ToList();
        // Spark 3 stores one label array per input column; Spark 2 stored a flat 'labels' array.
        var expression = columns.Contains("labelsArray") ? "labelsArray[1]" : columns.Contains("labels") ? "labels" : null;
        if (expression is null)
        {
            throw ByzerException.Runtime($"{data} has no labelsArray column", pathSpan, "train the model again to rewrite it");
        }
        var labels = new List<string>();
        database.Stream($"SELECT unnest({expression}) FROM read_parquet({files})", row => labels.Add(row[0] as string ?? ""), pathSpan);
        return labels;
    }

    /// <summary>Makes room for the model; a folder that is not a model is refused rather than deleted.</summary>
    private static void PrepareFolder(string path, SourceSpan pathSpan)
    {
        if (File.Exists(path))
        {
            throw ByzerException.Runtime($"{path} is a file, not a model folder", pathSpan, "give a folder path for the model");
        }
        if (!Directory.Exists(path))
        {
            return;
        }
        var isModel = Directory.Exists(Path.Combine(path, "metadata"));
        if (!isModel && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw ByzerException.Runtime(
                $"{path} exists and is not a saved model; it is not overwritten",
                pathSpan,
                "give an empty or new folder for the model (Byzer would delete the folder's content)");
        }
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ByzerException.Runtime($"cannot overwrite the model at {path}: {e.Message}", pathSpan, "check the folder's permissions");
        }
    }
}
