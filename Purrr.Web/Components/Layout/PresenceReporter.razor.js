// Reports the player's input to the server for presence: throttled while they are active, at once after a quiet spell.
const inputs = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"];

export function start(dotnet, reportEveryMs) {
    let lastReport = Date.now(); // connecting counted as input already
    let pending = null;
    const report = () => {
        lastReport = Date.now();
        dotnet.invokeMethodAsync("ReportInput").catch(() => { /* the circuit is gone */ });
    };
    const onInput = () => {
        const quiet = Date.now() - lastReport;
        if (quiet >= reportEveryMs)
            report();
        else
            pending ??= setTimeout(() => { pending = null; report(); }, reportEveryMs - quiet);
    };
    const onVisibility = () => {
        if (document.visibilityState === "visible")
            onInput();
    };
    const options = { capture: true, passive: true };
    for (const name of inputs)
        window.addEventListener(name, onInput, options);
    document.addEventListener("visibilitychange", onVisibility);

    return {
        stop() {
            clearTimeout(pending);
            for (const name of inputs)
                window.removeEventListener(name, onInput, options);
            document.removeEventListener("visibilitychange", onVisibility);
        },
    };
}
