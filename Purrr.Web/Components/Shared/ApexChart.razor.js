// Draws and redraws one ApexCharts chart per host element (ApexChart.razor).
import ApexCharts from "../../lib/apexcharts/apexcharts.esm.js";

const charts = new WeakMap();

// Counts: label the value axis with whole numbers only (x for horizontal bars, y otherwise). Measurements
// (decimalsInFloat above 0, ApexChart's Measurement) keep ApexCharts' own decimal labels.
const wholeNumbers = value => (Number.isInteger(+value) ? String(+value) : "");

export async function render(host, options) {
    const valueAxis = options.plotOptions?.bar?.horizontal ? options.xaxis : options.yaxis;
    if (!valueAxis.decimalsInFloat)
        valueAxis.labels = { ...valueAxis.labels, formatter: wholeNumbers };
    const chart = charts.get(host);
    if (chart) {
        // New figures (the 30-second refresh) or a theme switch: update in place, no flicker, scroll untouched.
        await chart.updateOptions(options, false, true);
        return;
    }
    const created = new ApexCharts(host, options);
    charts.set(host, created);
    await created.render();
}

export function destroy(host) {
    charts.get(host)?.destroy();
    charts.delete(host);
}
