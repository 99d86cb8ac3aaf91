// Copies the pinned front-end libraries from node_modules into Purrr.Web/wwwroot/lib (run: npm ci && npm run copy-lib).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(root, "Purrr.Web", "wwwroot", "lib");

const copies = {
    apexcharts: ["dist/apexcharts.esm.js", "LICENSE"],
    leaflet: ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"],
    "leaflet.markercluster": ["dist/leaflet.markercluster-src.js", "dist/MarkerCluster.css", "dist/MarkerCluster.Default.css", "MIT-LICENCE.txt"],
    three: ["build/three.module.js", "build/three.core.js", "LICENSE"],
};

for (const [name, files] of Object.entries(copies)) {
    const target = join(lib, name);
    rmSync(target, { recursive: true, force: true });
    for (const file of files) {
        const to = join(target, file.replace(/^(dist|build)\//, ""));
        mkdirSync(dirname(to), { recursive: true });
        cpSync(join(root, "node_modules", name, file), to, { recursive: true });
    }
    console.log(`copied ${name}`);
}

// three's add-ons import the bare name "three"; served without an import map, they import the copied build instead.
const orbit = readFileSync(join(root, "node_modules", "three", "examples/jsm/controls/OrbitControls.js"), "utf8");
mkdirSync(join(lib, "three", "addons"), { recursive: true });
writeFileSync(join(lib, "three", "addons", "OrbitControls.js"), orbit.replace(/from ['"]three['"]/g, "from '../three.module.js'"));
console.log("copied three add-ons");
