// The lost pet finder's map: reports clustered, a search circle, a pet's last-seen point and its sightings.
import { ensureMarkerCluster, tiles } from "../../../js/leaflet-loader.js";

export async function create(element, dotnet, options) {
    const L = await ensureMarkerCluster();
    // The cluster plugin needs a maximum zoom even when no tile layer sets one (offline).
    const map = L.map(element, { zoomControl: true, attributionControl: !!options.tileUrl, maxZoom: 19 }).setView([options.lat, options.lng], options.zoom ?? 12);
    tiles(L, map, element, options);
    const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 }).addTo(map);
    const overlay = L.layerGroup().addTo(map);
    map.on("click", e => dotnet.invokeMethodAsync("PointPicked", e.latlng.lat, e.latlng.lng));

    // Names and places are typed by players: always text nodes, never HTML.
    const text = value => Object.assign(document.createElement("span"), { textContent: value });
    const icon = (kind, value) => L.divIcon({ className: `purrr-pin ${kind}`, html: text(value), iconSize: null });

    return {
        show(state) {
            clusters.clearLayers();
            overlay.clearLayers();
            if (state.radiusMeters) {
                L.circle([state.lat, state.lng], { radius: state.radiusMeters, color: "#7b3fa0", weight: 1.5, fillOpacity: 0.05, interactive: false }).addTo(overlay);
            }
            for (const pin of state.pins) {
                const marker = L.marker([pin.latitude, pin.longitude], { icon: icon(pin.kind, pin.short), title: pin.label, alt: pin.label });
                marker.bindTooltip(text(pin.label));
                if (pin.href) marker.on("click", () => dotnet.invokeMethodAsync("PinOpened", pin.href));
                (pin.kind === "pet" || pin.kind === "sighting" ? clusters : overlay).addLayer(marker);
            }
            if (state.picked) {
                L.marker([state.picked.latitude, state.picked.longitude], { icon: icon("picked", "Here"), interactive: false }).addTo(overlay);
            }
            if (state.fit && state.pins.length > 1) {
                map.fitBounds(L.latLngBounds(state.pins.map(p => [p.latitude, p.longitude])).pad(0.2), { maxZoom: 15 });
            } else if (state.recentre) {
                map.setView([state.lat, state.lng], map.getZoom());
            }
        },
        dispose() {
            map.remove();
        },
    };
}
