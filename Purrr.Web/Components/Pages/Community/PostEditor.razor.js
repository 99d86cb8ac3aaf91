// The post editor's textarea: reads and sets the selection for the server (which computes every edit), and forwards
// the keys that drive the mention list and the formatting shortcuts.
export function attach(textarea, dotnet) {
    const listKeys = ["ArrowDown", "ArrowUp", "Enter", "Tab", "Escape"];
    const onKeyDown = event => {
        if (textarea.dataset.suggesting === "true" && listKeys.includes(event.key)) {
            event.preventDefault();
            dotnet.invokeMethodAsync("SuggestionKey", event.key);
            return;
        }
        if ((event.ctrlKey || event.metaKey) && !event.altKey && ["b", "i", "k"].includes(event.key.toLowerCase())) {
            event.preventDefault();
            dotnet.invokeMethodAsync("Shortcut", event.key.toLowerCase());
        }
    };
    textarea.addEventListener("keydown", onKeyDown);
    return { dispose: () => textarea.removeEventListener("keydown", onKeyDown) };
}

export function selection(textarea) {
    return [textarea.selectionStart, textarea.selectionEnd];
}

export function select(textarea, start, end) {
    textarea.focus();
    textarea.setSelectionRange(start, end);
}
