// Loads Leaflet (and its marker-cluster plugin) from wwwroot/lib on first use: no CDN, the app works offline.
const loaded = new Map();

function load(tag, attributes) {
    const key = attributes.src ?? attributes.href;
    if (!loaded.has(key)) {
        loaded.set(key, new Promise((resolve, reject) => {
            const node = Object.assign(document.createElement(tag), attributes);
            node.onload = resolve;
            node.onerror = reject;
            document.head.appendChild(node);
        }));
    }
    return loaded.get(key);
}

export async function ensureLeaflet() {
    if (!window.L) {
        await Promise.all([
            load("link", { rel: "stylesheet", href: "lib/leaflet/leaflet.css" }),
            load("script", { src: "lib/leaflet/leaflet.js" }),
        ]);
    }
    return window.L;
}

export async function ensureMarkerCluster() {
    const L = await ensureLeaflet();
    if (!L.markerClusterGroup) {
        await Promise.all([
            load("link", { rel: "stylesheet", href: "lib/leaflet.markercluster/MarkerCluster.css" }),
            load("link", { rel: "stylesheet", href: "lib/leaflet.markercluster/MarkerCluster.Default.css" }),
            load("script", { src: "lib/leaflet.markercluster/leaflet.markercluster-src.js" }),
        ]);
    }
    return L;
}

/// A map with the configured tiles (if any): unreachable tiles just disappear, leaving the plain background.
export function tiles(L, map, element, options) {
    if (!options.tileUrl) return;
    const layer = L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: options.attribution || "" }).addTo(map);
    layer.on("tileerror", e => { e.tile.style.visibility = "hidden"; });
    element.classList.add("with-tiles");
}
