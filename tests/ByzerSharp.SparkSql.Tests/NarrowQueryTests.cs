using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Parsing;

namespace ByzerSharp.SparkSql.Tests;

/// <summary>Which selects keep their source's partitions (docs/ets.md, "What keeps the partitions").</summary>
public sealed class NarrowQueryTests
{
    private static string? SourceOf(string sql) =>
        NarrowQuery.Source(SparkParser.Parse(sql), name => name.Equals("myAgg", StringComparison.OrdinalIgnoreCase))?.Name[0];

    [Theory]
    [InlineData("select * from t")]
    [InlineData("select a.* from t as a where a.id > 1")]
    [InlineData("select id as n, upper(k) from t where id % 2 = 0 and k like 'a%'")]
    [InlineData("select case when id > 1 then 'x' else k end as c, cast(id as string) from t")]
    [InlineData("select transform(arr, x -> x + 1) as a, arr[0], s.f from t where id in (1, 2) and id between 0 and 9")]
    [InlineData("select myUdf(id) from t where k is not null")]
    public void ProjectionsAndFiltersOfOneTableAreNarrow(string sql) => Assert.Equal("t", SourceOf(sql));

    [Theory]
    [InlineData("select k, count(*) from t group by k")]
    [InlineData("select count(*) from t")]
    [InlineData("select myAgg(id) from t")]
    [InlineData("select sum(id) filter (where id > 1) from t")]
    [InlineData("select distinct k from t")]
    [InlineData("select * from t order by id")]
    [InlineData("select * from t sort by id")]
    [InlineData("select * from t distribute by id")]
    [InlineData("select * from t limit 3")]
    [InlineData("select a.id from t as a join u as b on a.id = b.id")]
    [InlineData("select id from t union all select id from t")]
    [InlineData("select id, row_number() over (order by id) from t")]
    [InlineData("select * from t tablesample (10 percent)")]
    [InlineData("select * from t where id in (select id from u)")]
    [InlineData("select (select max(id) from u) as m from t")]
    [InlineData("with w as (select * from t) select * from w")]
    [InlineData("select explode(arr) from t")]
    [InlineData("select * from t lateral view explode(arr) e as x")]
    [InlineData("select * from (select * from t) as s")]
    [InlineData("select 1 as one")]
    [InlineData("select * from range(10)")]
    public void EverythingElseIsNot(string sql) => Assert.Null(SourceOf(sql));
}
