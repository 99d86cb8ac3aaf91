// Fills hidden inputs marked data-browser-timezone with the browser's IANA time zone (sign-up form).
(() => {
    function fillTimeZones() {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (!zone) return;
        for (const input of document.querySelectorAll("input[data-browser-timezone]")) {
            if (!input.value) input.value = zone;
        }
    }
    document.addEventListener("DOMContentLoaded", fillTimeZones);
    // And at the last moment: a form that arrived by enhanced navigation may have missed the events above.
    document.addEventListener("submit", fillTimeZones, true);
    // Enhanced navigation swaps page content without a load event.
    window.Blazor?.addEventListener?.("enhancedload", fillTimeZones);
    fillTimeZones();
})();

// After a navigation the new page's heading takes focus, so screen readers announce the page (FocusPageHeading.razor),
// except when the player already put focus in a field or in the page: on a slow connection the call can arrive after
// they started typing or tabbing through it.
window.purrrFocusHeading = () => {
    const active = document.activeElement;
    if (active?.matches("input, textarea, select, [contenteditable='true']") || active?.closest("main")) return;
    const heading = document.querySelector("h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
};

// Dialogs and the keyboard (issue 19). MudBlazor's focus trap moves focus back from its edge sentinels with a round trip to
// the server, so quick Tab presses (or a slow connection) slipped out of an open dialog onto the page behind it. This keeps
// Tab and Shift+Tab inside the topmost open dialog synchronously, and gives focus back to the control that opened a
// dialog when it closes and left focus nowhere (a message box).
(() => {
    const tabbable = "a[href], button:not([disabled]), input:not([disabled]):not([type='hidden']), select:not([disabled]), " +
        "textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
    const topDialog = () => [...document.querySelectorAll(".mud-dialog[role='dialog']")].pop();
    const stops = dialog => {
        const radios = new Set();
        return [...dialog.querySelectorAll(tabbable)].filter(e => {
            if (e.matches(".pointer-events-none") || e.closest("[inert], [aria-hidden='true']")) return false; // MudFocusTrap's sentinels
            if (e.getClientRects().length === 0) return false; // hidden
            if (e.type === "radio" && e.name) {
                // A radio group is one stop: its checked radio, or its first one while none is.
                const group = [...dialog.querySelectorAll(`input[type='radio'][name='${CSS.escape(e.name)}']`)];
                const stop = group.find(r => r.checked) ?? group[0];
                if (e !== stop || radios.has(e.name)) return false;
                radios.add(e.name);
            }
            return true;
        });
    };

    document.addEventListener("keydown", event => {
        if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
        const dialog = topDialog();
        if (!dialog) return;
        const active = document.activeElement;
        if (active && !dialog.contains(active) && active.closest(".mud-popover-open")) return; // a select's list: MudBlazor closes it
        const order = stops(dialog);
        if (order.length === 0) return;
        const at = order.indexOf(active);
        const next = at < 0
            ? (event.shiftKey ? order[order.length - 1] : order[0])
            : order[(at + (event.shiftKey ? -1 : 1) + order.length) % order.length];
        event.preventDefault();
        next.focus();
    }, true);

    // Where focus was before a dialog opened; given back when the dialogs close and focus fell to the page body.
    let opener = null;
    document.addEventListener("focusin", event => {
        if (!event.target.closest?.(".mud-dialog-container, .mud-popover")) opener = event.target;
    }, true);
    let open = false;
    new MutationObserver(() => {
        const nowOpen = topDialog() !== undefined;
        if (open && !nowOpen) {
            // MudBlazor restores focus itself for some dialogs; wait for it, then only fill in when focus is lost.
            const back = opener;
            setTimeout(() => {
                if (back?.isConnected && (document.activeElement === null || document.activeElement === document.body)) back.focus();
            }, 50);
        }
        open = nowOpen;
    }).observe(document.body, { childList: true, subtree: true });
})();
