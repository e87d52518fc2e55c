using ByzerSharp.DuckDb;
using ByzerSharp.Session;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.Cells.Tables;

/// <summary>
/// The table a cell's rows go to, with the declared schema. Rows arrive in segments, one per
/// partition of a <c>Foreach</c>/<c>MapPartitions</c> call and one per <c>BuildResult</c> call,
/// numbered in the order they were opened. Each segment is appended while the cell runs, on the
/// thread that produces it, through its own connection into a staging table, so writing overlaps
/// the cell's work instead of following it. <see cref="Commit"/> concatenates the segments in
/// order into the output table.
/// </summary>
internal sealed class OutputTable(ByzerSession session, string duckName, StructType schema) : IDisposable
{
    private readonly List<OutputSegment> _segments = [];
    private readonly object _gate = new();
    private bool _committed;

    public string DuckName => duckName;

    /// <summary>A new segment after every segment opened so far.</summary>
    public OutputSegment Open(string origin)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_committed, this);
            var segment = new OutputSegment(session.Database, $"{duckName}__segment{_segments.Count}", schema, origin);
            _segments.Add(segment);
            return segment;
        }
    }

    /// <summary>Creates the output table from the segments, in order, and drops the staging tables.</summary>
    public void Commit()
    {
        lock (_gate)
        {
            _committed = true;
            try
            {
                Concatenate();
            }
            catch
            {
                session.Database.Execute($"DROP TABLE IF EXISTS {Sql.Ident(duckName)}");
                DropSegments();
                throw;
            }
            DropSegments();
        }
    }

    private void Concatenate()
    {
        foreach (var segment in _segments)
        {
            segment.Close();
        }
        var nested = schema.Fields.Any(f => OutputSegment.IsNested(f.Type));
        if (_segments.Count > 0 && !nested)
        {
            // The first segment already has the declared columns: it becomes the output table
            // (no copy), the others are appended to it in order.
            session.Database.Execute($"ALTER TABLE {Sql.Ident(_segments[0].Table)} RENAME TO {Sql.Ident(duckName)}");
            _segments[0].Renamed = true;
        }
        else
        {
            var columns = string.Join(", ", schema.Fields.Select(f => Sql.Ident(f.Name) + " " + f.Type.ToDuck()));
            session.Database.Execute($"CREATE TABLE {Sql.Ident(duckName)} ({columns})");
        }
        // Nested values were staged as JSON text; DuckDB casts them to their type natively.
        var select = string.Join(", ", schema.Fields.Select(f => OutputSegment.IsNested(f.Type)
            ? $"CAST(CAST({Sql.Ident(f.Name)} AS JSON) AS {f.Type.ToDuck()})"
            : Sql.Ident(f.Name)));
        foreach (var segment in _segments.Where(s => !s.Renamed))
        {
            session.Database.Execute($"INSERT INTO {Sql.Ident(duckName)} SELECT {select} FROM {Sql.Ident(segment.Table)}");
        }
    }

    /// <summary>After a failure: no output table, no staging tables left behind.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_committed)
            {
                _committed = true;
                DropSegments();
            }
        }
    }

    private void DropSegments()
    {
        foreach (var segment in _segments)
        {
            segment.Dispose();
            if (!segment.Renamed)
            {
                session.Database.Execute($"DROP TABLE IF EXISTS {Sql.Ident(segment.Table)}");
            }
        }
        _segments.Clear();
    }
}
