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
// except when the player already put focus in a field: on a slow connection the call can arrive after they started typing.
window.purrrFocusHeading = () => {
    const active = document.activeElement;
    if (active?.matches("input, textarea, select, [contenteditable='true']")) return;
    const heading = document.querySelector("h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
};
