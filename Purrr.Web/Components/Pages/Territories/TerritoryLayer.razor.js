// The territory layer: drawn on the Leaflet map of a NightMap (its handle's leaflet()). Names come from players, so
// tooltips and attributes get text, never HTML.
import { ensureLeaflet } from "../../../js/leaflet-loader.js";

export async function create(mapHandle) {
    const L = await ensureLeaflet();
    const map = mapHandle.leaflet();
    const layer = L.layerGroup();
    const text = value => Object.assign(document.createElement("span"), { textContent: value });

    return {
        show(visible, territories) {
            layer.clearLayers();
            if (!visible) {
                map.removeLayer(layer);
                return;
            }
            layer.addTo(map);
            for (const t of territories) {
                const circle = L.circle([t.latitude, t.longitude], {
                    radius: t.radius,
                    color: t.color,
                    weight: t.mine ? 4 : 2,
                    dashArray: t.challenged ? "6 4" : null,
                    fillOpacity: 0.25,
                    className: "purrr-territory",
                }).bindTooltip(text(t.label)).addTo(layer);
                const path = circle.getElement();
                path?.setAttribute("data-holder", t.holder);
                path?.setAttribute("data-owner", t.owner);
            }
        },
        dispose() {
            try { map.removeLayer(layer); } catch { /* the map went first */ }
        },
    };
}
