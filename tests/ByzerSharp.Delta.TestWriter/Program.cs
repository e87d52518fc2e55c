using System.Globalization;
using ByzerSharp.Delta.Write;
using DuckDB.NET.Data;

// Usage: TestWriter <table> <writerId> <commits> <rowsPerCommit>
// Appends <commits> times; each row is (writer, seq, i). Prints one line per committed version.
// Crash tests kill this process at random moments.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: TestWriter <table> <writerId> <commits> <rowsPerCommit>");
    return 2;
}
var table = args[0];
var writer = int.Parse(args[1], CultureInfo.InvariantCulture);
var commits = int.Parse(args[2], CultureInfo.InvariantCulture);
var rows = int.Parse(args[3], CultureInfo.InvariantCulture);
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
var deltaWriter = new DeltaWriter(connection);
for (var seq = 0; seq < commits; seq++)
{
    var source = $"(SELECT CAST({writer} AS INTEGER) AS writer, CAST({seq} AS INTEGER) AS seq, CAST(i AS BIGINT) AS i FROM range({rows}) t(i))";
    var result = deltaWriter.Write(source, table, new WriteOptions { Mode = WriteMode.Append });
    Console.WriteLine($"{writer} {seq} {result.Version}");
}
return 0;
