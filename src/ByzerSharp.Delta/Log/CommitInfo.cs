using System.Text.Json.Nodes;

namespace ByzerSharp.Delta.Log;

/// <summary>One commit as history shows it: its version, timestamp and the free-form commitInfo.</summary>
public sealed record CommitInfo(long Version, DateTimeOffset Timestamp, JsonObject? Info)
{
    public string? Operation => Info is null ? null : Json.Str(Info, "operation");

    public long? ReadVersion => Info is null ? null : Json.Long(Info, "readVersion");

    public bool? IsBlindAppend => Info is null ? null : Json.Bool(Info, "isBlindAppend");

    public string? OperationParameters => Info?["operationParameters"]?.ToJsonString();

    public string? OperationMetrics => Info?["operationMetrics"]?.ToJsonString();

    public string? EngineInfo => Info is null ? null : Json.Str(Info, "engineInfo");

    public string? UserMetadata => Info is null ? null : Json.Str(Info, "userMetadata");
}
