using ByzerSharp.Cells.Schemas;
using ByzerSharp.Diagnostics;
using ByzerSharp.SparkSql.Types;
using Xunit;

namespace ByzerSharp.Tests.Cells;

public sealed class CellSchemaTests
{
    [Theory]
    [InlineData("st(field(content,binary),field(path,string))", "struct<content:binary,path:string>")]
    [InlineData("st( field(a , integer) , field(b,array(array(double))) )", "struct<a:int,b:array<array<double>>>")]
    [InlineData("st(field(m,map(string,st(field(x,long)))))", "struct<m:map<string,struct<x:bigint>>>")]
    [InlineData("a int, b array<string>, c map<string,double>", "struct<a:int,b:array<string>,c:map<string,double>>")]
    [InlineData("file", "struct<start:bigint,offset:bigint,value:binary>")]
    [InlineData("""{"type":"struct","fields":[{"name":"v","type":{"type":"array","elementType":"integer","containsNull":true},"nullable":true,"metadata":{}}]}""", "struct<v:array<int>>")]
    public void Parses_the_three_syntaxes_and_file(string text, string expected) =>
        Assert.Equal(expected, CellSchema.Parse(text).ToString());

    [Theory]
    [InlineData("st(field(a,strin))", "unknown type 'strin'", 11)]
    [InlineData("st(field(a,long)", "expected ')' but the schema ended", 16)]
    [InlineData("st(field(a,long)) x", "unexpected 'x' after the schema", 18)]
    [InlineData("a, b int", "'a' has no type", 0)]
    [InlineData("a int, b nosuch", "unknown type 'nosuch'", 9)]
    public void Errors_point_at_the_offending_character(string text, string message, int offset)
    {
        var file = new Text.SourceFile("s.byzer", text);
        var e = Assert.Throws<ByzerException>(() => CellSchema.Parse(text, new Text.SourceSpan(file, 0, text.Length)));
        Assert.Contains(message, e.Message);
        Assert.Equal(offset, e.Span!.Value.Start);
    }

    [Fact]
    public void File_is_start_offset_value() =>
        Assert.Equal([SparkType.Long, SparkType.Long, SparkType.Binary], CellSchema.File.Fields.Select(f => f.Type));
}
