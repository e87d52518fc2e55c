namespace ByzerSharp.Session;

/// <summary>A script variable. <see cref="HiddenFromSelect"/> is <c>visibility="un_select"</c>.</summary>
public sealed record Variable(string Name, string Value, string Type = "text", bool HiddenFromSelect = false, bool SessionScope = false);
