using System.Runtime.InteropServices;
using ByzerSharp.DuckDb.Native;

namespace ByzerSharp.ScriptUdf.Marshalling;

/// <summary>
/// A LIST of VARCHAR (what split gives) as List&lt;string&gt;: the same values as <see cref="ListReader{T}"/>
/// over a string element reader (NULL elements are null), but reading the child vector's strings
/// directly. The generic reader runs as shared code for reference types, with a virtual call and a
/// type lookup per element, which cost more than decoding a short string.
/// </summary>
internal sealed unsafe class StringListReader : VectorReader<List<string?>>
{
    private ListEntry* _entries;
    private byte* _strings;
    private ulong* _stringValidity;

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _entries = (ListEntry*)DuckDbNative.VectorGetData(vector);
        var child = DuckDbNative.ListVectorGetChild(vector);
        _strings = (byte*)DuckDbNative.VectorGetData(child);
        _stringValidity = DuckDbNative.VectorGetValidity(child);
    }

    public override List<string?> Read(ulong row)
    {
        var entry = _entries[row];
        var list = new List<string?>((int)entry.Length);
        CollectionsMarshal.SetCount(list, (int)entry.Length);
        Fill(CollectionsMarshal.AsSpan(list), entry.Offset);
        return list;
    }

    internal ListEntry Entry(ulong row) => _entries[row];

    internal void Fill(Span<string?> items, ulong offset)
    {
        for (var i = 0; i < items.Length; i++)
        {
            var at = offset + (ulong)i;
            items[i] = DuckDbNative.IsValid(_stringValidity, at) ? DuckValues.ReadString(_strings + (at * 16)) : null;
        }
    }
}

/// <summary>A LIST of VARCHAR as string[] (see <see cref="StringListReader"/>).</summary>
internal sealed class StringArrayReader : VectorReader<string?[]>
{
    private readonly StringListReader _list = new();

    public override void Bind(IntPtr vector)
    {
        base.Bind(vector);
        _list.Bind(vector);
    }

    public override string?[] Read(ulong row)
    {
        var entry = _list.Entry(row);
        var array = new string?[entry.Length];
        _list.Fill(array, entry.Offset);
        return array;
    }
}
