// A live room in three.js: every member's cat where it stands, walking smoothly to each new position the server sends
// (at most 10 a second per cat); a click on the floor asks the server to walk the player's own cat there.
import { OrbitControls } from "../../../lib/three/addons/OrbitControls.js";
import {
    THREE, addLights, animateCat, buildCat, canRenderWebGL, createRenderer, disposeScene, fitTo, onCircuitGone,
} from "../../../js/three-cats.js";

/** Room units (RoomRules: 100 × 60) to metres: the floor is 10 × 6. */
const scale = 0.1;

/** A name tag over a cat, drawn as canvas text (never HTML). */
function nameTag(text, mine) {
    const canvas = document.createElement("canvas");
    canvas.width = 256;
    canvas.height = 64;
    const g = canvas.getContext("2d");
    g.font = "bold 30px system-ui, sans-serif";
    g.textAlign = "center";
    g.textBaseline = "middle";
    g.fillStyle = mine ? "rgba(126, 72, 160, 0.9)" : "rgba(40, 36, 44, 0.75)";
    const width = Math.min(g.measureText(text).width + 28, 256);
    g.beginPath();
    g.roundRect((256 - width) / 2, 8, width, 48, 24);
    g.fill();
    g.fillStyle = "#ffffff";
    g.fillText(text, 128, 33, 228);
    const sprite = new THREE.Sprite(new THREE.SpriteMaterial({ map: new THREE.CanvasTexture(canvas), depthTest: false }));
    sprite.scale.set(1.6, 0.4, 1);
    sprite.position.y = 1.35;
    return sprite;
}

/** Whether this browser can draw the scene at all (WebGL). */
export const canDraw = canRenderWebGL;

/**
 * Draws the room in `host`; `width` and `height` are the room's size in its own units. Returns a handle with
 * add(cats), move(positions), remove(ids) and dispose(). Call canDraw() first: without WebGL the page shows the 2D floor.
 */
export function start(host, dotnet, width, height) {
    const renderer = createRenderer(host); // throws when WebGL is there but refused (blocklisted driver, context limit)
    let disposed = false;
    const scene = new THREE.Scene();
    scene.background = new THREE.Color("#efe7f5");
    const camera = new THREE.PerspectiveCamera(45, 1, 0.1, 80);
    camera.position.set(0, 5.2, 5.6);
    addLights(scene);

    const [w, d] = [width * scale, height * scale];
    const floor = new THREE.Mesh(new THREE.PlaneGeometry(w, d), new THREE.MeshStandardMaterial({ color: "#e9dcc7", roughness: 1 }));
    floor.rotation.x = -Math.PI / 2;
    floor.receiveShadow = true;
    floor.userData.floor = true;
    scene.add(floor);
    for (const [x, z, sx, sz] of [[0, -d / 2, w, 0.1], [-w / 2, 0, 0.1, d], [w / 2, 0, 0.1, d]]) {
        const wall = new THREE.Mesh(new THREE.BoxGeometry(sx, 0.5, sz), new THREE.MeshStandardMaterial({ color: "#cdbde0" }));
        wall.position.set(x, 0.25, z);
        scene.add(wall);
    }
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.target.set(0, 0, 0.3);
    controls.enableDamping = true;
    controls.maxPolarAngle = Math.PI / 2.2;
    controls.minDistance = 3;
    controls.maxDistance = 16;
    controls.update();
    const resize = fitTo(host, renderer, camera);

    /** Room coordinates to floor position, and back. */
    const toFloor = (x, y) => new THREE.Vector3(x * scale - w / 2, 0, y * scale - d / 2);
    const toRoom = point => ({
        x: Math.round(Math.min(Math.max((point.x + w / 2) / scale, 0), width)),
        y: Math.round(Math.min(Math.max((point.z + d / 2) / scale, 0), height)),
    });

    const cats = new Map(); // id → { group, target, name, x, y }

    function add(list) {
        for (const cat of list) {
            remove([cat.id]);
            const group = new THREE.Group();
            const model = buildCat(cat.look);
            model.scale.setScalar(0.7);
            group.add(model, nameTag(cat.name, cat.mine));
            if (cat.mine) {
                const ring = new THREE.Mesh(new THREE.RingGeometry(0.4, 0.48, 24), new THREE.MeshBasicMaterial({ color: "#7e48a0" }));
                ring.rotation.x = -Math.PI / 2;
                ring.position.y = 0.01;
                group.add(ring);
            }
            group.position.copy(toFloor(cat.x, cat.y));
            scene.add(group);
            cats.set(cat.id, { group, model, name: cat.name, x: cat.x, y: cat.y, target: group.position.clone() });
        }
    }

    function move(list) {
        for (const { id, x, y } of list) {
            const cat = cats.get(id);
            if (!cat)
                continue;
            Object.assign(cat, { x, y });
            cat.target = toFloor(x, y);
        }
    }

    function remove(ids) {
        for (const id of ids) {
            const cat = cats.get(id);
            if (!cat)
                continue;
            scene.remove(cat.group);
            cat.group.traverse(o => {
                o.geometry?.dispose();
                o.material?.map?.dispose();
                o.material?.dispose();
            });
            cats.delete(id);
        }
    }

    // A floor click (not a drag of the camera) walks the player's cat there.
    let down = null;
    const onDown = event => { down = { x: event.clientX, y: event.clientY }; };
    const onUp = event => {
        if (!down || Math.hypot(event.clientX - down.x, event.clientY - down.y) > 6 || disposed)
            return;
        down = null;
        const box = renderer.domElement.getBoundingClientRect();
        const ray = new THREE.Raycaster();
        ray.setFromCamera(new THREE.Vector2(((event.clientX - box.left) / box.width) * 2 - 1, -((event.clientY - box.top) / box.height) * 2 + 1), camera);
        const hit = ray.intersectObject(floor)[0];
        if (hit) {
            const { x, y } = toRoom(hit.point);
            dotnet?.invokeMethodAsync("FloorClicked", x, y).catch(() => { });
        }
    };
    renderer.domElement.addEventListener("pointerdown", onDown);
    renderer.domElement.addEventListener("pointerup", onUp);

    const timer = new THREE.Timer();
    renderer.setAnimationLoop(time => {
        timer.update(time);
        const delta = Math.min(timer.getDelta(), 0.1);
        const seconds = timer.getElapsed();
        for (const cat of cats.values()) {
            // Ease toward the latest position (about 90% of the way in half a second), facing where it walks.
            const step = cat.target.clone().sub(cat.group.position);
            if (step.lengthSq() > 0.0004)
                cat.model.rotation.y = Math.atan2(step.x, step.z);
            cat.group.position.add(step.multiplyScalar(1 - Math.exp(-delta * 5)));
            animateCat(cat.model, seconds + cat.x * 0.1, 0.6);
        }
        controls.update();
        renderer.render(scene, camera);
    });
    host.dataset.ready = "true";

    // Where each cat is drawn and heading, for tests and assistive tooling: room units.
    host.purrrCats = () => [...cats.values()].map(cat => ({ name: cat.name, x: cat.x, y: cat.y, drawn: toRoom(cat.group.position) }));

    const forget = onCircuitGone(() => dispose());
    function dispose() {
        if (disposed)
            return;
        disposed = true;
        forget();
        resize.disconnect();
        renderer.domElement.removeEventListener("pointerdown", onDown);
        renderer.domElement.removeEventListener("pointerup", onUp);
        controls.dispose();
        disposeScene(renderer, scene);
        cats.clear();
        delete host.purrrCats;
        delete host.dataset.ready;
        dotnet = null;
    }

    return { add, move, remove, dispose };
}
