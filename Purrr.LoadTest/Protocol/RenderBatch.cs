using System.Buffers.Binary;
using System.Text;

namespace Purrr.LoadTest.Protocol;

/// <summary>
/// Reads the binary render batch the server sends in <c>JS.RenderBatch</c> (RenderBatchWriter's layout, read the way
/// blazor.web.js's OutOfProcessRenderBatch does): sections of updated components, reference frames, disposed
/// components and disposed event handlers, then a string table, indexed by the five int32s at the end.
/// </summary>
internal sealed class RenderBatch
{
    private const int FrameSize = 20; // frame type, then 16 bytes of type-specific data
    private const int EditSize = 16;  // 4 ints

    private readonly byte[] data;
    private readonly int stringTable;
    private readonly int referenceFrames;

    public RenderBatch(byte[] data)
    {
        this.data = data;
        stringTable = Int(data.Length - 4);
        referenceFrames = Int(data.Length - 16) + 4;
        var updated = Int(data.Length - 20);
        var updatedCount = Int(updated);
        Diffs = new List<ComponentDiff>(updatedCount);
        for (var i = 0; i < updatedCount; i++)
        {
            var diff = Int(updated + 4 + i * 4);
            var editCount = Int(diff + 4);
            var edits = new Edit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var at = diff + 8 + e * EditSize;
                edits[e] = new Edit((EditType)Int(at), Int(at + 4), Int(at + 8), Int(at + 12));
            }
            Diffs.Add(new ComponentDiff(Int(diff), edits));
        }
        var disposedComponents = Int(data.Length - 12);
        DisposedComponentIds = Enumerable.Range(0, Int(disposedComponents)).Select(i => Int(disposedComponents + 4 + i * 4)).ToArray();
        var disposedHandlers = Int(data.Length - 8);
        DisposedEventHandlerIds = Enumerable.Range(0, Int(disposedHandlers))
            .Select(i => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(disposedHandlers + 4 + i * 8))).ToArray();
    }

    public List<ComponentDiff> Diffs { get; }

    public int[] DisposedComponentIds { get; }

    public ulong[] DisposedEventHandlerIds { get; }

    public FrameType TypeOf(int frame) => (FrameType)Int(Frame(frame));

    public int SubtreeLength(int frame) => Int(Frame(frame) + 4);

    public int ComponentIdOf(int frame) => Int(Frame(frame) + 8);

    public string? ElementName(int frame) => String(Int(Frame(frame) + 8));

    /// <summary>Text, markup and attribute-name frames keep their string in the 2nd int.</summary>
    public string? FirstString(int frame) => String(Int(Frame(frame) + 4));

    public string? AttributeValue(int frame) => String(Int(Frame(frame) + 8));

    public ulong EventHandlerId(int frame) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(Frame(frame) + 12));

    public string? String(int index)
    {
        if (index == -1)
            return null;
        var at = Int(stringTable + index * 4);
        // BinaryWriter's strings: a 7-bit encoded (LEB128) length, then UTF-8.
        int length = 0, shift = 0;
        byte b;
        do
        {
            b = data[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(data, at, length);
    }

    private int Frame(int index) => referenceFrames + index * FrameSize;

    private int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
}

internal sealed record ComponentDiff(int ComponentId, Edit[] Edits);

/// <summary>One edit; the 3rd int is the reference frame index, or the target sibling index of a permutation.</summary>
internal readonly record struct Edit(EditType Type, int SiblingIndex, int FrameIndex, int RemovedAttributeName);

internal enum EditType
{
    PrependFrame = 1, RemoveFrame = 2, SetAttribute = 3, RemoveAttribute = 4, UpdateText = 5,
    StepIn = 6, StepOut = 7, UpdateMarkup = 8, PermutationListEntry = 9, PermutationListEnd = 10,
}

internal enum FrameType
{
    Element = 1, Text = 2, Attribute = 3, Component = 4, Region = 5, ElementReferenceCapture = 6, Markup = 8, NamedEvent = 10,
}
