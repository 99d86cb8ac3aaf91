// The 3D cats of Purrr: one low-poly cat built from its Appearance (the same part colours as the SVG portrait),
// its idle animation, and the renderer plumbing both 3D views share (the cat's room and live rooms).
import * as THREE from "../lib/three/three.module.js";

export { THREE };

/** True when this browser can draw WebGL (else the page shows the 2D portrait). */
export function canRenderWebGL() {
    try {
        const canvas = document.createElement("canvas");
        return !!(window.WebGL2RenderingContext && canvas.getContext("webgl2")) || !!canvas.getContext("webgl");
    } catch {
        return false;
    }
}

const matte = color => new THREE.MeshStandardMaterial({ color, roughness: 0.85, metalness: 0, flatShading: true });

function mesh(geometry, color, { x = 0, y = 0, z = 0, sx = 1, sy = 1, sz = 1 } = {}) {
    const m = new THREE.Mesh(geometry, matte(color));
    m.position.set(x, y, z);
    m.scale.set(sx, sy, sz);
    m.castShadow = true;
    return m;
}

/**
 * A stylised cat (about 1 unit long, facing +z) from an Appearance: body, head, cap, bib, ears, eyes, nose, legs, paws,
 * tail, tabby rings or ticking, curls on a rex, a ruff and a bushier tail when long-haired. Every mesh is tagged with
 * `target` so a ray that hits any part of the cat knows it hit the cat.
 */
export function buildCat(look, target = "cat") {
    const cat = new THREE.Group();
    const fluff = look.longHair ? 1.12 : 1;
    const body = new THREE.Group();
    cat.add(body);

    body.add(mesh(new THREE.IcosahedronGeometry(0.5, 1), look.body, { y: 0.5, sx: 0.8 * fluff, sy: 0.7 * fluff, sz: 1.15 * fluff }));
    if (look.bib)
        body.add(mesh(new THREE.IcosahedronGeometry(0.22, 1), look.paws, { y: 0.52, z: 0.44, sx: 1.1, sy: 1.3, sz: 0.6 }));
    // Tabby rings around the back, or a speckle of ticked hairs, on the body's surface; none on a van's white body.
    // The body is an ellipsoid (half-axes 0.4 × 0.35 × 0.575 before fluff): `across(z)` is how much of its width is left at z.
    const across = z => Math.sqrt(Math.max(0, 1 - (z / 0.575) ** 2)) * fluff;
    if (look.stripes && !look.cap)
        for (const z of [-0.3, -0.05, 0.2]) {
            const ring = mesh(new THREE.TorusGeometry(1, 0.09, 4, 14, Math.PI), look.stripe, { y: 0.5, z, sx: 0.41 * across(z), sy: 0.36 * across(z), sz: 0.4 });
            body.add(ring);
        }
    if (look.ticking && !look.cap)
        for (let i = 0; i < 70; i++) {
            const a = 0.15 + (i * 2.399) % (Math.PI - 0.3), z = -0.45 + (i * 0.0131) % 0.9;
            body.add(mesh(new THREE.TetrahedronGeometry(0.035), look.stripe, { x: Math.cos(a) * 0.4 * across(z), y: 0.5 + Math.sin(a) * 0.35 * across(z), z }));
        }

    // A rex coat: a few soft curls along the flanks.
    if (look.curly)
        for (const [x, z] of [[-1, -0.25], [-1, 0.1], [1, -0.25], [1, 0.1]]) {
            const curl = mesh(new THREE.TorusGeometry(0.06, 0.018, 4, 8), look.stripe, { x: x * 0.4 * across(z), y: 0.55, z });
            curl.rotation.y = Math.PI / 2;
            body.add(curl);
        }

    // Legs and paws.
    for (const [x, z] of [[-0.2, 0.32], [0.2, 0.32], [-0.2, -0.32], [0.2, -0.32]]) {
        body.add(mesh(new THREE.CylinderGeometry(0.08, 0.09, 0.3, 6), look.body, { x, y: 0.17, z }));
        body.add(mesh(new THREE.IcosahedronGeometry(0.1, 0), look.paws, { x, y: 0.04, z: z + 0.03, sy: 0.6 }));
    }

    // Tail: a curve up and over the back, rings when tabby.
    const curve = new THREE.CatmullRomCurve3([
        new THREE.Vector3(0, 0.5, -0.55), new THREE.Vector3(0, 0.55, -0.85), new THREE.Vector3(0.05, 0.9, -0.95), new THREE.Vector3(0.1, 1.15, -0.8),
    ]);
    const tail = new THREE.Group();
    tail.position.set(0, 0.5, -0.55);
    const tailMesh = mesh(new THREE.TubeGeometry(curve, 12, look.longHair ? 0.09 : 0.055, 6), look.tail, { y: -0.5, z: 0.55 });
    tail.add(tailMesh);
    if (look.stripes)
        for (const t of [0.35, 0.6, 0.85]) {
            const ring = mesh(new THREE.TorusGeometry(look.longHair ? 0.095 : 0.06, 0.02, 4, 8), look.stripe);
            const p = curve.getPoint(t), d = curve.getTangent(t);
            ring.position.set(p.x, p.y - 0.5, p.z + 0.55);
            ring.lookAt(ring.position.clone().add(d));
            tail.add(ring);
        }
    body.add(tail);

    // Head.
    const head = new THREE.Group();
    head.position.set(0, 0.95, 0.52);
    cat.add(head);
    head.add(mesh(new THREE.IcosahedronGeometry(0.34, 1), look.head, { sx: 1.1, sy: 0.95 }));
    if (look.cap)
        head.add(mesh(new THREE.IcosahedronGeometry(0.3, 1), look.fur, { y: 0.1, z: -0.04, sx: 1.15, sy: 0.7 }));
    if (look.bib)
        head.add(mesh(new THREE.IcosahedronGeometry(0.14, 1), look.paws, { y: -0.12, z: 0.24, sx: 1.2, sy: 0.8, sz: 0.6 }));
    if (look.stripes)
        for (const x of [-0.09, 0, 0.09])
            head.add(mesh(new THREE.BoxGeometry(0.03, 0.14, 0.03), look.stripe, { x, y: 0.26, z: 0.14 }));
    if (look.longHair)
        for (let i = 0; i < 8; i++) {
            const a = -Math.PI / 2 + (i / 7) * Math.PI;
            const tuft = mesh(new THREE.ConeGeometry(0.09, 0.22, 4), look.ruff, { x: Math.sin(a) * 0.3, y: -0.22, z: Math.cos(a) * 0.12 - 0.05 });
            tuft.rotation.x = Math.PI;
            head.add(tuft);
        }
    for (const side of [-1, 1]) {
        const ear = mesh(new THREE.ConeGeometry(0.11, 0.22, 4), look.fur, { x: side * 0.2, y: 0.33, z: -0.02 });
        ear.rotation.z = -side * 0.3;
        head.add(ear);
        head.add(mesh(new THREE.ConeGeometry(0.06, 0.13, 4), "#F4B7C2", { x: side * 0.19, y: 0.31, z: 0.04 }));
        const eye = side < 0 ? look.eye : look.otherEye;
        head.add(mesh(new THREE.SphereGeometry(0.07, 8, 6), eye, { x: side * 0.13, y: 0.04, z: 0.28, sz: 0.5 }));
        head.add(mesh(new THREE.SphereGeometry(0.03, 6, 4), "#111111", { x: side * 0.13, y: 0.04, z: 0.32, sx: 0.5, sy: 1.4, sz: 0.5 }));
    }
    const nose = mesh(new THREE.ConeGeometry(0.04, 0.05, 3), look.nose, { y: -0.07, z: 0.34 });
    nose.rotation.x = Math.PI;
    head.add(nose);

    cat.traverse(o => { if (o.isMesh) o.userData.target = target; });
    cat.userData.parts = { body, head, tail };
    return cat;
}

/** One frame of the idle animation: breathing, a swaying tail, a nodding head; livelier cats move more and faster. */
export function animateCat(cat, seconds, liveliness = 0.6) {
    const { body, head, tail } = cat.userData.parts;
    const pace = 0.6 + liveliness * 2.2;
    body.scale.y = 1 + Math.sin(seconds * pace * 1.5) * 0.02;
    tail.rotation.y = Math.sin(seconds * pace) * (0.15 + liveliness * 0.45);
    head.rotation.y = Math.sin(seconds * pace * 0.4) * liveliness * 0.35;
    head.rotation.x = Math.sin(seconds * pace * 0.7) * 0.06;
}

/** A renderer filling `host`, resized with it; XR enabled so a session can take it over. */
export function createRenderer(host) {
    const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    renderer.shadowMap.enabled = true;
    renderer.xr.enabled = true;
    renderer.domElement.setAttribute("aria-hidden", "true");
    host.prepend(renderer.domElement);
    return renderer;
}

/** Soft daylight: a sky/ground fill and a sun that casts shadows. */
export function addLights(scene) {
    scene.add(new THREE.HemisphereLight("#ffffff", "#b9a28a", 1.6));
    const sun = new THREE.DirectionalLight("#ffffff", 1.6);
    sun.position.set(3, 6, 4);
    sun.castShadow = true;
    sun.shadow.mapSize.set(1024, 1024);
    scene.add(sun);
}

/** Keeps the renderer and camera the size of `host`; returns the observer to disconnect. */
export function fitTo(host, renderer, camera) {
    const fit = () => {
        const width = Math.max(host.clientWidth, 1), height = Math.max(host.clientHeight, 1);
        renderer.setSize(width, height, true);
        camera.aspect = width / height;
        camera.updateProjectionMatrix();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(host);
    return observer;
}

/** The first tagged object under a pointer event (in canvas pixels), or null. */
export function pick(event, canvas, camera, objects) {
    const box = canvas.getBoundingClientRect();
    const pointer = new THREE.Vector2(((event.clientX - box.left) / box.width) * 2 - 1, -((event.clientY - box.top) / box.height) * 2 + 1);
    const ray = new THREE.Raycaster();
    ray.setFromCamera(pointer, camera);
    return ray.intersectObjects(objects, true).find(hit => hit.object.userData.target) ?? null;
}

/** The first tagged object a VR controller points at, or null. */
export function pickFromController(controller, objects) {
    const ray = new THREE.Raycaster();
    const matrix = new THREE.Matrix4().extractRotation(controller.matrixWorld);
    ray.ray.origin.setFromMatrixPosition(controller.matrixWorld);
    ray.ray.direction.set(0, 0, -1).applyMatrix4(matrix);
    return ray.intersectObjects(objects, true).find(hit => hit.object.userData.target) ?? null;
}

/** A short buzz on a controller that can (WebXR gamepad haptics). */
export function pulse(inputSource, intensity = 0.6, milliseconds = 80) {
    const actuator = inputSource?.gamepad?.hapticActuators?.[0];
    actuator?.pulse?.(intensity, milliseconds)?.catch?.(() => { });
}

/**
 * Adds the two VR controllers (with a pointer line each) to the scene; `onSelect(controller, inputSource)` runs on
 * their trigger. Returns the controllers.
 */
export function addControllers(renderer, scene, onSelect) {
    return [0, 1].map(index => {
        const controller = renderer.xr.getController(index);
        controller.addEventListener("connected", event => { controller.userData.inputSource = event.data; });
        controller.addEventListener("disconnected", () => { controller.userData.inputSource = null; });
        controller.addEventListener("select", () => onSelect(controller, controller.userData.inputSource));
        const line = new THREE.Line(new THREE.BufferGeometry().setFromPoints([new THREE.Vector3(0, 0, 0), new THREE.Vector3(0, 0, -4)]),
            new THREE.LineBasicMaterial({ color: "#ffffff" }));
        controller.add(line);
        scene.add(controller);
        return controller;
    });
}

/** Whether this browser offers immersive VR (false without navigator.xr, and never an error). */
export async function vrSupported() {
    try {
        return !!navigator.xr && await navigator.xr.isSessionSupported("immersive-vr");
    } catch {
        return false;
    }
}

/** Starts an immersive VR session on the renderer (must run inside the click that asked for it). */
export async function enterVr(renderer) {
    const session = await navigator.xr.requestSession("immersive-vr", { optionalFeatures: ["local-floor"] });
    await renderer.xr.setSession(session);
    return session;
}

/** Hearts floating up from a point: the scene's answer to a successful petting, playing or feeding. */
export function purr(scene, at) {
    const hearts = [];
    for (let i = 0; i < 6; i++) {
        const heart = new THREE.Mesh(new THREE.OctahedronGeometry(0.05, 0), new THREE.MeshBasicMaterial({ color: "#ff6f91", transparent: true }));
        heart.position.copy(at).add(new THREE.Vector3((i - 2.5) * 0.08, 0, Math.sin(i) * 0.1));
        heart.userData.rise = 0.4 + (i % 3) * 0.15;
        scene.add(heart);
        hearts.push(heart);
    }
    let age = 0;
    return seconds => {
        age += seconds;
        for (const heart of hearts) {
            heart.position.y += heart.userData.rise * seconds;
            heart.rotation.y += seconds * 3;
            heart.material.opacity = Math.max(0, 1 - age / 1.6);
        }
        if (age < 1.6)
            return true;
        for (const heart of hearts) {
            scene.remove(heart);
            heart.geometry.dispose();
            heart.material.dispose();
        }
        return false;
    };
}

/** Frees everything a scene holds on the GPU, stops its loop and removes its canvas. */
export function disposeScene(renderer, scene) {
    renderer.setAnimationLoop(null);
    renderer.xr.getSession()?.end().catch(() => { });
    scene.traverse(o => {
        o.geometry?.dispose();
        for (const material of [o.material].flat().filter(Boolean)) {
            material.map?.dispose();
            material.dispose();
        }
    });
    renderer.dispose();
    renderer.forceContextLoss();
    renderer.domElement.remove();
}

/** Runs `dispose` when the server drops this tab's circuit for good (the reconnect dialog's "rejected"). */
export function onCircuitGone(dispose) {
    const modal = document.getElementById("components-reconnect-modal");
    const listener = event => { if (event.detail?.state === "rejected") dispose(); };
    modal?.addEventListener("components-reconnect-state-changed", listener);
    return () => modal?.removeEventListener("components-reconnect-state-changed", listener);
}
