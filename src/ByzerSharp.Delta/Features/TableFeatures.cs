using ByzerSharp.Delta.Log;
using ByzerSharp.Delta.Schema;

namespace ByzerSharp.Delta.Features;

/// <summary>
/// The protocol allow-lists. A reader must implement every reader feature of a table and a writer
/// every writer and reader feature; anything not listed here is refused by name rather than risking
/// wrong rows or a table Spark can no longer trust.
/// </summary>
public static class TableFeatures
{
    /// <summary>Reader features that are implemented (vacuumProtocolCheck is a no-op for readers).</summary>
    public static readonly IReadOnlySet<string> Readable = new HashSet<string>(StringComparer.Ordinal)
    {
        "vacuumProtocolCheck", "timestampNtz", "columnMapping", "deletionVectors", "v2Checkpoint",
    };

    /// <summary>Writer features this writer honours.</summary>
    public static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.Ordinal)
    {
        "appendOnly", "invariants", "checkConstraints", "changeDataFeed", "vacuumProtocolCheck", "timestampNtz", "domainMetadata",
    };

    /// <summary>Fails unless every row of the snapshot can be read exactly.</summary>
    public static void CheckRead(Snapshot snapshot)
    {
        var p = snapshot.Protocol;
        if (p.MinReaderVersion > 3 || p.MinReaderVersion < 1)
        {
            throw new DeltaException(DeltaErrorKind.Unsupported,
                $"the table requires Delta reader version {p.MinReaderVersion}; ByzerSharp reads versions 1 to 3",
                "the table was written by a newer Delta; read it with a Delta reader that supports that version");
        }
        if (p.MinReaderVersion == 3)
        {
            foreach (var feature in p.ReaderFeatures ?? [])
            {
                if (!Readable.Contains(feature))
                {
                    throw Refuse(feature);
                }
            }
        }
        var mode = snapshot.Metadata.ColumnMappingMode;
        if (mode is not ("none" or "name" or "id"))
        {
            throw new DeltaException(DeltaErrorKind.Unsupported, $"unknown column mapping mode '{mode}'", null);
        }
        if (snapshot.Files.Any(f => f.DeletionVector is not null))
        {
            // Files with deletion vectors would show deleted rows; a table with the feature but no vectors reads exactly.
            throw Refuse("deletionVectors");
        }
        CheckTypes(snapshot.Schema);
    }

    /// <summary>Fails unless this writer may commit to the table.</summary>
    public static void CheckWrite(Snapshot snapshot)
    {
        CheckRead(snapshot);
        var p = snapshot.Protocol;
        if (p.MinWriterVersion > 7 || p.MinWriterVersion < 1)
        {
            throw new DeltaException(DeltaErrorKind.Unsupported, $"the table requires Delta writer version {p.MinWriterVersion}; ByzerSharp writes versions 1 to 7", null);
        }
        if (p.MinWriterVersion == 7)
        {
            foreach (var feature in (p.WriterFeatures ?? []).Concat(p.ReaderFeatures ?? []))
            {
                if (!Writable.Contains(feature))
                {
                    throw RefuseWrite(feature);
                }
            }
        }
        else
        {
            // Legacy writer versions imply feature sets: 4 = CDF + generated columns, 5 = column mapping, 6 = identity columns.
            if (p.MinWriterVersion >= 5 && snapshot.Metadata.ColumnMappingMode != "none")
            {
                throw RefuseWrite("columnMapping");
            }
        }
        if (snapshot.Metadata.ColumnMappingMode != "none")
        {
            throw RefuseWrite("columnMapping");
        }
        foreach (var (key, _) in snapshot.Metadata.Configuration)
        {
            if (key.StartsWith("delta.constraints.", StringComparison.Ordinal))
            {
                throw RefuseWrite("checkConstraints");
            }
        }
        foreach (var field in snapshot.Schema.Fields)
        {
            foreach (var (key, _) in field.Metadata)
            {
                if (key == "delta.invariants")
                {
                    throw RefuseWrite("invariants");
                }
                if (key == "delta.generationExpression")
                {
                    throw RefuseWrite("generatedColumns");
                }
                if (key.StartsWith("delta.identity.", StringComparison.Ordinal))
                {
                    throw RefuseWrite("identityColumns");
                }
                if (key == "CURRENT_DEFAULT")
                {
                    throw RefuseWrite("allowColumnDefaults");
                }
            }
        }
        if (snapshot.Metadata.Config("delta.enableDeletionVectors") == "true")
        {
            throw RefuseWrite("deletionVectors");
        }
    }

    public static DeltaException Refuse(string feature) =>
        new(DeltaErrorKind.Unsupported, $"the table uses the Delta feature '{feature}', which ByzerSharp cannot read", "read it with Spark/Delta, or rewrite the table without that feature");

    private static DeltaException RefuseWrite(string feature) =>
        new(DeltaErrorKind.Unsupported, $"the table uses the Delta feature '{feature}', which ByzerSharp cannot write", "write to it with Spark/Delta, or save into a new table");

    private static void CheckTypes(DeltaType type)
    {
        switch (type)
        {
            case PrimitiveType:
                _ = DuckTypes.ToDuck(type);
                break;
            case ArrayType a:
                CheckTypes(a.Element);
                break;
            case MapType m:
                CheckTypes(m.Key);
                CheckTypes(m.Value);
                break;
            case StructType s:
                foreach (var f in s.Fields)
                {
                    CheckTypes(f.Type);
                }
                break;
        }
    }
}
