// Leaflet map for night watch. Leaflet is served from wwwroot/lib (no CDN) and loaded on first use.
import { ensureLeaflet, tiles } from "../../../js/leaflet-loader.js";

export async function create(element, dotnet, options) {
    const L = await ensureLeaflet();
    const map = L.map(element, { zoomControl: true, attributionControl: !!options.tileUrl }).setView([options.lat, options.lng], 14);
    tiles(L, map, element, options);
    const layers = { zones: L.layerGroup().addTo(map), cats: L.layerGroup().addTo(map), home: L.layerGroup().addTo(map), flashes: L.layerGroup().addTo(map) };
    const catMarkers = new Map();
    map.on("click", e => dotnet.invokeMethodAsync("PointPicked", e.latlng.lat, e.latlng.lng));
    // Zone and cat names are typed by players: tooltips get text nodes, never HTML.
    const text = value => Object.assign(document.createElement("span"), { textContent: value });

    return {
        show(state) {
            layers.home.clearLayers();
            if (state.home) {
                L.marker([state.home.lat, state.home.lng], {
                    icon: L.divIcon({ className: "purrr-home-marker", html: "<span>Home</span>", iconSize: [48, 20] }),
                    keyboard: false,
                }).addTo(layers.home);
            }
            layers.zones.clearLayers();
            for (const z of state.zones) {
                L.circle([z.latitude, z.longitude], { radius: z.radiusMeters, color: z.color, weight: 2, fillOpacity: 0.12 })
                    .bindTooltip(text(`${z.name} · ${z.type} · ${z.ownerName}`))
                    .addTo(layers.zones);
            }
            const seen = new Set();
            for (const c of state.cats) {
                seen.add(c.id);
                const portrait = document.getElementById(`np-${c.id}`)?.innerHTML ?? "";
                let marker = catMarkers.get(c.id);
                if (!marker) {
                    marker = L.marker([c.latitude, c.longitude], {
                        icon: L.divIcon({ className: "purrr-cat-marker", html: portrait, iconSize: [36, 36] }),
                        keyboard: false,
                    }).bindTooltip(text(`${c.catName} (${c.role}) · ${c.ownerName}`)).addTo(layers.cats);
                    catMarkers.set(c.id, marker);
                } else {
                    marker.setLatLng([c.latitude, c.longitude]); // CSS eases the move between ticks
                }
            }
            for (const [id, marker] of catMarkers) {
                if (!seen.has(id)) { layers.cats.removeLayer(marker); catMarkers.delete(id); }
            }
        },
        flash(events) {
            for (const e of events) {
                const kind = e.kind === "Encounter" ? (e.threat === "Critical" ? "critical" : "bobcat")
                    : e.kind === "EmergencyAlert" ? "critical" : e.kind === "Strays" ? "strays" : "patrol";
                const pulse = L.marker([e.latitude, e.longitude], {
                    // Leaflet places the icon with a CSS transform, so the pulse animates an inner element.
                    icon: L.divIcon({ className: `purrr-flash ${kind}`, html: "<span></span>", iconSize: [60, 60] }),
                    keyboard: false,
                    interactive: false,
                }).addTo(layers.flashes);
                setTimeout(() => layers.flashes.removeLayer(pulse), 4000);
            }
        },
        leaflet() {
            return map; // extra layers (TerritoryLayer.razor.js) draw on the same Leaflet map
        },
        centre() {
            const c = map.getCenter();
            return [c.lat, c.lng];
        },
        dispose() {
            map.remove();
        },
    };
}
