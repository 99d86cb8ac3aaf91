using System.Text;
using System.Text.RegularExpressions;

namespace Purrr.LoadTest.Protocol;

/// <summary>
/// A browser's logical DOM, just enough to find a button and its event handler: render batches are applied the way
/// blazor.web.js's BrowserRenderer applies them (regions flatten into their parent, a child component and a markup
/// block each take one logical child slot, element reference captures take none).
/// </summary>
internal sealed partial class UiTree
{
    private readonly UiNode document = new(UiNodeKind.Container, null);
    private readonly Dictionary<int, UiNode> components = [];
    private readonly Dictionary<ulong, (UiNode Element, string EventName)> handlers = [];

    /// <summary>Changes with every batch applied: a lookup made at the same version gives the same answer.</summary>
    private int version;
    private (int Version, string Label, string EventName, ulong? Handler)? lastClickLookup;

    public int ComponentCount => components.Count;

    /// <summary>Whether some element was given data-interactive="true" (MainLayout's sign that the circuit is live).</summary>
    public bool Interactive { get; private set; }

    public void AttachRoot(int componentId)
    {
        version++;
        var root = new UiNode(UiNodeKind.Container, null) { ComponentId = componentId };
        document.Insert(document.Children.Count, root);
        components[componentId] = root;
    }

    public void Apply(RenderBatch batch)
    {
        version++;
        foreach (var diff in batch.Diffs)
        {
            if (!components.TryGetValue(diff.ComponentId, out var container))
                throw new InvalidOperationException($"No element is associated with component {diff.ComponentId}.");
            ApplyEdits(batch, container, diff.Edits);
        }
        foreach (var id in batch.DisposedComponentIds)
            components.Remove(id);
        foreach (var id in batch.DisposedEventHandlerIds)
            // A re-render gives an element a new handler id first, then disposes the old one: remove only that one.
            if (handlers.Remove(id, out var owner) && owner.Element.Events?.GetValueOrDefault(owner.EventName) == id)
                owner.Element.Events.Remove(owner.EventName);
    }

    /// <summary>
    /// The handler a click on the first visible element labelled <paramref name="label"/> (its text or aria-label)
    /// reaches: the element's own, or the nearest ancestor's, as the click bubbles. A label ending in * matches a text
    /// that starts with the rest ("Feed*" finds "Feed" and "Feed (8 min)").
    /// </summary>
    public ulong? FindClickHandler(string label, string eventName = "click")
    {
        // A scenario asks whether a label is there, then clicks it: answer the second time from the first, unless a
        // batch changed the tree in between (a whole-page scan per question was most of the client's work per event).
        if (lastClickLookup is { } last && last.Version == version && last.Label == label && last.EventName == eventName)
            return last.Handler;
        var handler = ScanForClickHandler(label, eventName);
        lastClickLookup = (version, label, eventName, handler);
        return handler;
    }

    private ulong? ScanForClickHandler(string label, string eventName)
    {
        var prefix = label.EndsWith('*') ? label[..^1] : null;
        foreach (var element in document.Descendants())
        {
            if (element.Kind != UiNodeKind.Element || element.Name is not ("button" or "a" or "div" or "li" or "span")
                || element.Attributes?.ContainsKey("disabled") == true)
                continue;
            var named = element.Attributes?.GetValueOrDefault("aria-label") == label || element.Name == "button" && (prefix is null ? Squash(element.Text()) == label : Squash(element.Text()).StartsWith(prefix, StringComparison.Ordinal));
            if (!named)
                continue;
            for (var at = element; at is not null; at = at.Parent)
                if (at.Events?.TryGetValue(eventName, out var id) == true)
                    return id;
        }
        return null;
    }

    /// <summary>The handler of an input-like element, found by its id, placeholder or aria-label.</summary>
    public (ulong Handler, int ComponentId)? FindInputHandler(string name, string eventName)
    {
        foreach (var element in document.Descendants().Where(n => n.Kind == UiNodeKind.Element && n.Events?.ContainsKey(eventName) == true))
        {
            var attributes = element.Attributes;
            if (attributes is null || !(attributes.GetValueOrDefault("id") == name || attributes.GetValueOrDefault("placeholder") == name || attributes.GetValueOrDefault("aria-label") == name))
                continue;
            return (element.Events![eventName], element.ComponentId);
        }
        return null;
    }

    /// <summary>The handler for <paramref name="eventName"/> of the first element that <paramref name="match"/>es and has one.</summary>
    public (ulong Handler, int ComponentId)? FindHandler(Func<UiNode, bool> match, string eventName)
    {
        foreach (var element in document.Descendants().Where(n => n.Kind == UiNodeKind.Element && n.Events?.ContainsKey(eventName) == true))
            if (match(element))
                return (element.Events![eventName], element.ComponentId);
        return null;
    }

    /// <summary>The text of the first element carrying the CSS class <paramref name="name"/>, or null.</summary>
    public string? TextOf(string name) =>
        document.Descendants().FirstOrDefault(n => ClassListHas(n, name)) is { } node ? Squash(node.Text()) : null;

    /// <summary>Whether <paramref name="node"/> (when <paramref name="inclusive"/>) or an element around it carries the CSS class <paramref name="name"/>.</summary>
    public static bool HasClass(UiNode node, string name, bool inclusive)
    {
        for (var at = inclusive ? node : node.Parent; at is not null; at = at.Parent)
            if (ClassListHas(at, name))
                return true;
        return false;
    }

    private static bool ClassListHas(UiNode node, string name)
    {
        if (node.Attributes?.GetValueOrDefault("class") is not { } classes)
            return false;
        foreach (var range in classes.AsSpan().Split(' '))
            if (classes.AsSpan(range).SequenceEqual(name))
                return true;
        return false;
    }

    /// <summary>Where the element with data-cat="<paramref name="catName"/>" stands (its data-x, data-y).</summary>
    public (int X, int Y)? Position(string catName)
    {
        var cat = document.Descendants().FirstOrDefault(n => n.Kind == UiNodeKind.Element && n.Attributes?.GetValueOrDefault("data-cat") == catName);
        return cat?.Attributes is { } a && int.TryParse(a.GetValueOrDefault("data-x"), out var x) && int.TryParse(a.GetValueOrDefault("data-y"), out var y) ? (x, y) : null;
    }

    /// <summary>The value of the first element carrying <paramref name="attribute"/>.</summary>
    public string? FirstAttribute(string attribute) =>
        document.Descendants().Select(n => n.Attributes?.GetValueOrDefault(attribute)).FirstOrDefault(v => v is not null);

    public string Text() => Squash(document.Text());

    /// <summary>Whether some element carries the CSS class <paramref name="name"/>.</summary>
    public bool HasClass(string name) =>
        document.Descendants().Any(n => ClassListHas(n, name));

    /// <summary>Every button, with its text and whether a click on it reaches a handler (diagnostics).</summary>
    public IEnumerable<string> Buttons() =>
        document.Descendants().Where(n => n.Kind == UiNodeKind.Element && n.Name == "button")
            .Select(b => $"{Squash(b.Text())} [{b.Attributes?.GetValueOrDefault("aria-label")}] {(b.Attributes?.ContainsKey("disabled") == true ? "disabled" : "")} {string.Join(",", b.Events?.Keys.AsEnumerable() ?? [])}");

    public IEnumerable<(string Text, bool Enabled)> ButtonsStartingWith(string prefix) =>
        document.Descendants().Where(n => n.Kind == UiNodeKind.Element && n.Name == "button")
            .Select(b => (Text: Squash(b.Text()), Enabled: b.Attributes?.ContainsKey("disabled") != true))
            .Where(b => b.Text.StartsWith(prefix, StringComparison.Ordinal));

    private static string Squash(string text) => UiNode.Squash(text);

    private void ApplyEdits(RenderBatch batch, UiNode parent, Edit[] edits)
    {
        var depth = 0;
        List<(int From, int To)>? permutations = null;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(batch, parent, edit.SiblingIndex, edit.FrameIndex);
                    break;
                case EditType.RemoveFrame:
                    Remove(parent.Children[edit.SiblingIndex]);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(batch, parent.Children[edit.SiblingIndex], edit.FrameIndex);
                    break;
                case EditType.RemoveAttribute:
                    var name = batch.String(edit.RemovedAttributeName)!;
                    var element = parent.Children[edit.SiblingIndex];
                    element.Attributes?.Remove(name);
                    break;
                case EditType.UpdateText:
                    parent.Children[edit.SiblingIndex].Content = batch.FirstString(edit.FrameIndex);
                    break;
                case EditType.UpdateMarkup:
                    Remove(parent.Children[edit.SiblingIndex]);
                    parent.Insert(edit.SiblingIndex, new UiNode(UiNodeKind.Markup, null) { Content = batch.FirstString(edit.FrameIndex) });
                    break;
                case EditType.StepIn:
                    parent = parent.Children[edit.SiblingIndex];
                    depth++;
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    depth--;
                    break;
                case EditType.PermutationListEntry:
                    (permutations ??= []).Add((edit.SiblingIndex, edit.FrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutations!)
                        parent.Children[to] = before[from];
                    permutations = null;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown edit type {edit.Type}.");
            }
        }
    }

    /// <summary>Inserts one frame (and its subtree) at a logical child index; returns how many logical children it added.</summary>
    private int InsertFrame(RenderBatch batch, UiNode parent, int index, int frame)
    {
        switch (batch.TypeOf(frame))
        {
            case FrameType.Element:
                var element = new UiNode(UiNodeKind.Element, batch.ElementName(frame)) { ComponentId = parent.ComponentIdWithin };
                parent.Insert(index, element);
                var end = frame + batch.SubtreeLength(frame);
                var child = frame + 1;
                for (; child < end && batch.TypeOf(child) == FrameType.Attribute; child++)
                    ApplyAttribute(batch, element, child);
                InsertRange(batch, element, 0, child, end);
                return 1;
            case FrameType.Text:
                parent.Insert(index, new UiNode(UiNodeKind.Text, null) { Content = batch.FirstString(frame) });
                return 1;
            case FrameType.Markup:
                parent.Insert(index, new UiNode(UiNodeKind.Markup, null) { Content = batch.FirstString(frame) });
                return 1;
            case FrameType.Component:
                var id = batch.ComponentIdOf(frame);
                var container = new UiNode(UiNodeKind.Container, null) { ComponentId = id };
                parent.Insert(index, container);
                components[id] = container;
                return 1;
            case FrameType.Region:
                return InsertRange(batch, parent, index, frame + 1, frame + batch.SubtreeLength(frame));
            case FrameType.ElementReferenceCapture:
            case FrameType.NamedEvent:
                return 0;
            default:
                throw new InvalidOperationException($"Unexpected frame type {batch.TypeOf(frame)} in a frame range.");
        }
    }

    private int InsertRange(RenderBatch batch, UiNode parent, int index, int start, int endExclusive)
    {
        var first = index;
        for (var frame = start; frame < endExclusive; frame++)
        {
            index += InsertFrame(batch, parent, index, frame);
            if (batch.TypeOf(frame) is FrameType.Element or FrameType.Component or FrameType.Region)
                frame += batch.SubtreeLength(frame) - 1;
        }
        return index - first;
    }

    private void ApplyAttribute(RenderBatch batch, UiNode element, int frame)
    {
        var name = batch.FirstString(frame)!;
        var handler = batch.EventHandlerId(frame);
        if (handler != 0)
        {
            var eventName = name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name;
            (element.Events ??= new Dictionary<string, ulong>(1))[eventName] = handler;
            handlers[handler] = (element, eventName);
            return;
        }
        var value = batch.AttributeValue(frame) ?? "";
        (element.Attributes ??= new Dictionary<string, string>(4))[name] = value;
        if (name == "data-interactive" && value == "true")
            Interactive = true;
    }

    private void Remove(UiNode node)
    {
        node.Parent!.Children.Remove(node);
        node.Parent = null;
    }

}

internal enum UiNodeKind { Container, Element, Text, Markup }

internal sealed partial class UiNode(UiNodeKind kind, string? name)
{
    public UiNodeKind Kind { get; } = kind;

    public string? Name { get; } = name;

    public string? Content { get; set; }

    public UiNode? Parent { get; set; }

    public List<UiNode> Children { get; } = [];

    public Dictionary<string, string>? Attributes { get; set; }

    public Dictionary<string, ulong>? Events { get; set; }

    /// <summary>For a component's container, that component; for an element, the component that rendered it.</summary>
    public int ComponentId { get; init; }

    public int ComponentIdWithin => Kind == UiNodeKind.Container ? ComponentId : Parent?.ComponentIdWithin ?? 0;

    public void Insert(int index, UiNode child)
    {
        child.Parent = this;
        Children.Insert(index, child);
    }

    /// <summary>The nearest enclosing element named <paramref name="name"/>.</summary>
    public UiNode? Ancestor(string name)
    {
        for (var at = Parent; at is not null; at = at.Parent)
            if (at.Kind == UiNodeKind.Element && at.Name == name)
                return at;
        return null;
    }

    /// <summary>Every node below this one, in document order (one explicit stack: a nested iterator per level cost a
    /// whole-page scan as many steps again as the tree is deep).</summary>
    public IEnumerable<UiNode> Descendants()
    {
        var pending = new Stack<(UiNode Node, int Next)>();
        pending.Push((this, 0));
        while (pending.Count > 0)
        {
            var (node, next) = pending.Pop();
            if (next >= node.Children.Count)
                continue;
            pending.Push((node, next + 1));
            var child = node.Children[next];
            yield return child;
            if (child.Children.Count > 0)
                pending.Push((child, 0));
        }
    }

    public string Text()
    {
        var text = new StringBuilder();
        Collect(this, text);
        return text.ToString();
    }

    private static void Collect(UiNode node, StringBuilder text)
    {
        switch (node.Kind)
        {
            case UiNodeKind.Text:
                text.Append(node.Content);
                break;
            case UiNodeKind.Markup:
                text.Append(Tags().Replace(node.Content ?? "", " "));
                break;
            default:
                foreach (var child in node.Children)
                    Collect(child, text);
                break;
        }
    }

    /// <summary>Runs of whitespace as one space, none at either end (what a browser shows of the text).</summary>
    public static string Squash(string text)
    {
        var squashed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = squashed.Length > 0;
                continue;
            }
            if (space)
                squashed.Append(' ');
            space = false;
            squashed.Append(c);
        }
        return squashed.Equals(text.AsSpan()) ? text : squashed.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
