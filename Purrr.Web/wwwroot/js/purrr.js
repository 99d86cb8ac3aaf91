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
