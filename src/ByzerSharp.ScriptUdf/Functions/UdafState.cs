using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>
/// The inputs of one group (one aggregate state), in no promised order. Without a merge
/// operation on the user's buffer two partial results cannot be combined, but two input logs can:
/// the fold runs once per group, in finalize, over the whole log. Inputs without references (numbers,
/// dates, tuples of them) are logged in native memory that the state points to (<see cref="NativeLog{T}"/>):
/// no object per group and nothing for the GC to trace, copy or promote. Others (strings, lists)
/// go to a managed <see cref="ManagedLog{T}"/>.
/// </summary>
/// <remarks>
/// A state owns a chain of blocks it appends to, holding the write position in its last block so that
/// adding a row touches the state and the item only (a block's header count is written when the block
/// is full or the log is read: <see cref="NativeLog{T}.Seal"/>). Combining does not copy: the target
/// borrows the source's chains (<see cref="Borrowed"/>), which are immutable from then on and counted
/// (<see cref="LogBlock.Shares"/>), and the source keeps its items, as DuckDB requires of combine.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeLogState
{
    public LogBlock* First;
    public LogBlock* Last;
    public byte* Cursor;
    public byte* End;

    /// <summary>The first blocks of chains shared with other states; nobody appends to them.</summary>
    public LogBlock** Borrowed;
    public int BorrowedCount;
    public int BorrowedCapacity;

    /// <summary>
    /// The first items of the state are kept in the state itself (<see cref="Inline"/>), so that a group
    /// of a row or two costs no block: with a million groups, allocating, sharing, reading and freeing a
    /// block per group cost about seven times DuckDB's own aggregation. DuckDB may move states, so nothing points
    /// into them: the inline items are found from the state's address each time.
    /// </summary>
    public int InlineBytes;

    public const int InlineCapacity = 40;

    public fixed byte Inline[InlineCapacity];

    /// <summary>The inline items' address (see <see cref="InlineBytes"/>).</summary>
    public static IntPtr InlineItems(IntPtr state) => (IntPtr)((NativeLogState*)state)->Inline;

    /// <summary>How many chains hold the state's items: the borrowed ones, then its own (if any).</summary>
    public static int ChainCount(IntPtr state)
    {
        var log = (NativeLogState*)state;
        return log->BorrowedCount + (log->First != null ? 1 : 0);
    }

    /// <summary>The first block of chain <paramref name="index"/> (see <see cref="ChainCount"/>).</summary>
    public static IntPtr ChainAt(IntPtr state, int index)
    {
        var log = (NativeLogState*)state;
        return (IntPtr)(index < log->BorrowedCount ? log->Borrowed[index] : log->First);
    }

    public static void Destroy(NativeLogState* state)
    {
        Release(state->First);
        for (var i = 0; i < state->BorrowedCount; i++)
        {
            Release(state->Borrowed[i]);
        }
        if (state->Borrowed != null)
        {
            LogMemory.Release((byte*)state->Borrowed, (long)state->BorrowedCapacity * sizeof(IntPtr));
        }
        *state = default;
    }

    /// <summary>Makes the own chain immutable: it becomes one of the state's borrowed chains (same reference).</summary>
    public static void Freeze(NativeLogState* state)
    {
        if (state->First == null)
        {
            return;
        }
        AddBorrowed(state, state->First);
        state->First = null;
        state->Last = null;
        state->Cursor = null;
        state->End = null;
    }

    /// <summary>Adds every chain of a frozen, sealed <paramref name="source"/> to <paramref name="target"/>'s borrowed chains.</summary>
    public static void Borrow(NativeLogState* target, NativeLogState* source)
    {
        for (var i = 0; i < source->BorrowedCount; i++)
        {
            var head = source->Borrowed[i];
            Interlocked.Increment(ref head->Shares);
            AddBorrowed(target, head);
        }
    }

    private static void AddBorrowed(NativeLogState* state, LogBlock* head)
    {
        if (state->BorrowedCount == state->BorrowedCapacity)
        {
            var heads = (LogBlock**)LogMemory.Allocate(Math.Max(4, state->BorrowedCapacity * 2L) * sizeof(IntPtr), out var bytes);
            Buffer.MemoryCopy(state->Borrowed, heads, bytes, (long)state->BorrowedCount * sizeof(IntPtr));
            if (state->Borrowed != null)
            {
                LogMemory.Release((byte*)state->Borrowed, (long)state->BorrowedCapacity * sizeof(IntPtr));
            }
            state->Borrowed = heads;
            state->BorrowedCapacity = (int)(bytes / sizeof(IntPtr));
        }
        state->Borrowed[state->BorrowedCount++] = head;
    }

    /// <summary>Drops one reference to a chain, freeing its blocks when nobody else holds it.</summary>
    private static void Release(LogBlock* head)
    {
        if (head == null || Interlocked.Decrement(ref head->Shares) >= 0)
        {
            return;
        }
        for (var block = head; block != null;)
        {
            var next = block->Next;
            LogMemory.Release((byte*)block, block->Bytes);
            block = next;
        }
    }
}

/// <summary>
/// A block of a native log: this header, then up to <see cref="Capacity"/> items. A chain's blocks grow
/// (see <see cref="NativeLog{T}"/>), so growing a log never copies what it holds.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Header)]
internal unsafe struct LogBlock
{
    /// <summary>The header's size, a multiple of 16 so that items of any type are aligned.</summary>
    public const int Header = 32;

    public LogBlock* Next;
    public long Bytes;

    /// <summary>The items in the block; for the last block of a state's own chain, only once it is sealed.</summary>
    public int Count;

    public int Capacity;

    /// <summary>
    /// In a chain's first block: how many states hold the chain besides the first one (its blocks are
    /// freed when the last lets go). Chains are shared whole, never from a later block, so one count per
    /// chain is enough, and sharing or letting go touches one block instead of all of them.
    /// </summary>
    public int Shares;

    public static IntPtr NextOf(IntPtr block) => (IntPtr)((LogBlock*)block)->Next;

    public static int CountOf(IntPtr block) => ((LogBlock*)block)->Count;

    public static IntPtr ItemsOf(IntPtr block) => block + Header;
}

/// <summary>A log in DuckDB's state memory (a <see cref="NativeLogState"/>) for inputs that hold no references.</summary>
internal static unsafe class NativeLog<T>
{
    // A group's first block is 128 bytes (12 longs): small groups stay small. Each next block is 8 times
    // bigger, up to about 64 KB, so that a big group has few blocks to allocate, walk and free.
    private static readonly int FirstBlockItems = Math.Max(1, (128 - LogBlock.Header) / Unsafe.SizeOf<T>());
    private static readonly int MaxBlockItems = Math.Max(8, 65536 / Unsafe.SizeOf<T>());

    public static ulong StateSize => (ulong)sizeof(NativeLogState);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(IntPtr states, ulong row, T item)
    {
        var state = ((NativeLogState**)states)[row];
        if (state->Cursor == state->End)
        {
            AddOutsideBlock(state, item);
            return;
        }
        Unsafe.Write(state->Cursor, item);
        state->Cursor += Unsafe.SizeOf<T>();
    }

    /// <summary>The inline items' count (see <see cref="NativeLogState.InlineBytes"/>).</summary>
    public static int InlineCount(IntPtr state) => ((NativeLogState*)state)->InlineBytes / Unsafe.SizeOf<T>();

    /// <summary>Adds an item when the own chain has no room: inline while there is room, else in a new block.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOutsideBlock(NativeLogState* state, T item)
    {
        if (state->InlineBytes + Unsafe.SizeOf<T>() <= NativeLogState.InlineCapacity)
        {
            Unsafe.Write(state->Inline + state->InlineBytes, item);
            state->InlineBytes += Unsafe.SizeOf<T>();
            return;
        }
        AddBlock(state, 1);
        Unsafe.Write(state->Cursor, item);
        state->Cursor += Unsafe.SizeOf<T>();
    }

    private static void AddTo(NativeLogState* state, T item)
    {
        if (state->Cursor == state->End)
        {
            AddOutsideBlock(state, item);
            return;
        }
        Unsafe.Write(state->Cursor, item);
        state->Cursor += Unsafe.SizeOf<T>();
    }

    /// <summary>Item <paramref name="index"/> of a block's items (what the compiled fold reads).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Get(IntPtr items, int index) => Unsafe.Read<T>((byte*)items + ((long)index * Unsafe.SizeOf<T>()));

    /// <summary>Records the last block's item count in its header, so that every block's count can be read.</summary>
    public static void Seal(NativeLogState* state)
    {
        if (state->Last != null)
        {
            state->Last->Count = (int)((state->Cursor - ((byte*)state->Last + LogBlock.Header)) / Unsafe.SizeOf<T>());
        }
    }

    /// <summary>Adds the items of <paramref name="source"/> to <paramref name="target"/>, sharing its blocks (see <see cref="NativeLogState"/>).</summary>
    public static void Append(NativeLogState* target, NativeLogState* source)
    {
        // Inline items are few: copied. Chains are shared.
        for (var offset = 0; offset < source->InlineBytes; offset += Unsafe.SizeOf<T>())
        {
            AddTo(target, Unsafe.Read<T>(source->Inline + offset));
        }
        if (source->First == null && source->BorrowedCount == 0)
        {
            return;
        }
        // Sharing freezes the source's own chain, a write to the source. A window's segment tree combines
        // one tree node into many frames' states from several threads at once, so the source is locked
        // (a stripe of locks keyed by its address: a query's many combines seldom meet on one).
        lock (SourceLocks[(int)(((ulong)source >> 6) % (ulong)SourceLocks.Length)])
        {
            Seal(source);
            NativeLogState.Freeze(source);
            NativeLogState.Borrow(target, source);
        }
    }

    private static readonly object[] SourceLocks = [.. Enumerable.Range(0, 64).Select(_ => new object())];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddBlock(NativeLogState* state, int atLeast)
    {
        Seal(state);
        var previous = state->Last;
        var wanted = Math.Max(atLeast, previous == null ? FirstBlockItems : Math.Min(previous->Capacity * 8, MaxBlockItems));
        var block = (LogBlock*)LogMemory.Allocate(LogBlock.Header + ((long)wanted * Unsafe.SizeOf<T>()), out var bytes);
        block->Next = null;
        block->Bytes = bytes;
        block->Count = 0;
        block->Shares = 0;
        block->Capacity = (int)Math.Min((bytes - LogBlock.Header) / Unsafe.SizeOf<T>(), int.MaxValue);
        if (previous == null)
        {
            state->First = block;
        }
        else
        {
            previous->Next = block;
        }
        state->Last = block;
        state->Cursor = (byte*)block + LogBlock.Header;
        state->End = state->Cursor + ((long)block->Capacity * Unsafe.SizeOf<T>());
    }
}

/// <summary>Frees a <see cref="ManagedLog{T}"/> state's handle; the log is then garbage.</summary>
internal static unsafe class ManagedLogState
{
    public static void Destroy(IntPtr* state)
    {
        if (*state != IntPtr.Zero)
        {
            GCHandle.FromIntPtr(*state).Free();
            *state = IntPtr.Zero;
        }
    }
}

/// <summary>A log for inputs that hold references, kept alive by a GCHandle in DuckDB's state memory (0 until the first row).</summary>
internal sealed unsafe class ManagedLog<T>
{
    public const ulong StateSize = 8;

    public static readonly ManagedLog<T> Empty = new();

    public T[] Items = new T[4];

    public int Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(IntPtr states, ulong row, T item)
    {
        var slot = ((IntPtr**)states)[row];
        var log = *slot != IntPtr.Zero ? Unsafe.As<ManagedLog<T>>(GCHandle.FromIntPtr(*slot).Target!) : Create(slot);
        if (log.Count == log.Items.Length)
        {
            Array.Resize(ref log.Items, log.Items.Length * 2);
        }
        log.Items[log.Count++] = item;
    }

    /// <summary>The log of a state, or null when it has none.</summary>
    public static ManagedLog<T>? Find(IntPtr* state) =>
        *state == IntPtr.Zero ? null : Unsafe.As<ManagedLog<T>>(GCHandle.FromIntPtr(*state).Target!);

    public static void Append(IntPtr* target, ManagedLog<T> source)
    {
        var log = Find(target) ?? Create(target);
        if (log.Items.Length - log.Count < source.Count)
        {
            Array.Resize(ref log.Items, Math.Max(log.Items.Length * 2, log.Count + source.Count));
        }
        Array.Copy(source.Items, 0, log.Items, log.Count, source.Count);
        log.Count += source.Count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ManagedLog<T> Create(IntPtr* slot)
    {
        var log = new ManagedLog<T>();
        *slot = GCHandle.ToIntPtr(GCHandle.Alloc(log));
        return log;
    }
}
