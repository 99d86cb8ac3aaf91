// A cat in its little room (bed, bowl, toy) in three.js. Clicks, taps and VR controller triggers on the cat, the toy or
// the bowl go to CatScene3D.Interact over the circuit, which runs the same Core care action as the 2D buttons.
import { OrbitControls } from "../../../lib/three/addons/OrbitControls.js";
import {
    THREE, addControllers, addLights, animateCat, buildCat, canRenderWebGL, createRenderer, disposeScene, enterVr, fitTo,
    onCircuitGone, pick, pickFromController, pulse, purr, vrSupported,
} from "../../../js/three-cats.js";

function buildRoom(scene) {
    const floor = new THREE.Mesh(new THREE.CircleGeometry(3.2, 24), new THREE.MeshStandardMaterial({ color: "#d9b99b", roughness: 1 }));
    floor.rotation.x = -Math.PI / 2;
    floor.receiveShadow = true;
    scene.add(floor);
    const rug = new THREE.Mesh(new THREE.CircleGeometry(1.1, 20), new THREE.MeshStandardMaterial({ color: "#a7c4bc", roughness: 1 }));
    rug.rotation.x = -Math.PI / 2;
    rug.position.y = 0.005;
    rug.receiveShadow = true;
    scene.add(rug);

    // Bed: a cushion in a ring, behind the cat.
    const bed = new THREE.Group();
    const cushion = new THREE.Mesh(new THREE.CylinderGeometry(0.75, 0.8, 0.12, 16), new THREE.MeshStandardMaterial({ color: "#b98fc9", roughness: 1, flatShading: true }));
    cushion.position.y = 0.06;
    const rim = new THREE.Mesh(new THREE.TorusGeometry(0.8, 0.16, 6, 16), new THREE.MeshStandardMaterial({ color: "#8e6aa0", roughness: 1, flatShading: true }));
    rim.rotation.x = Math.PI / 2;
    rim.position.y = 0.14;
    bed.add(cushion, rim);
    bed.position.set(-1.3, 0, -1.3);
    scene.add(bed);

    // Bowl (feed): a little dish with kibble.
    const bowl = new THREE.Group();
    const dish = new THREE.Mesh(new THREE.CylinderGeometry(0.32, 0.24, 0.16, 14, 1, true), new THREE.MeshStandardMaterial({ color: "#4d9be6", side: THREE.DoubleSide, flatShading: true }));
    dish.position.y = 0.08;
    const food = new THREE.Mesh(new THREE.CylinderGeometry(0.28, 0.28, 0.02, 14), new THREE.MeshStandardMaterial({ color: "#8a5a33", flatShading: true }));
    food.position.y = 0.12;
    const base = new THREE.Mesh(new THREE.CircleGeometry(0.24, 14), new THREE.MeshStandardMaterial({ color: "#4d9be6" }));
    base.rotation.x = -Math.PI / 2;
    base.position.y = 0.01;
    bowl.add(dish, food, base);
    bowl.position.set(1.25, 0, 0.8);
    bowl.traverse(o => { if (o.isMesh) { o.userData.target = "bowl"; o.castShadow = true; } });
    scene.add(bowl);

    // Toy (play): a ball of yarn with a loose strand.
    const toy = new THREE.Group();
    const ball = new THREE.Mesh(new THREE.IcosahedronGeometry(0.2, 1), new THREE.MeshStandardMaterial({ color: "#e0457b", flatShading: true }));
    ball.position.y = 0.2;
    for (const angle of [0, 1.1, 2.2]) {
        const wrap = new THREE.Mesh(new THREE.TorusGeometry(0.2, 0.015, 4, 16), new THREE.MeshStandardMaterial({ color: "#ff8fb1" }));
        wrap.position.y = 0.2;
        wrap.rotation.set(angle, angle * 0.7, 0);
        toy.add(wrap);
    }
    toy.add(ball);
    toy.position.set(-1.1, 0, 1.0);
    toy.traverse(o => { if (o.isMesh) { o.userData.target = "toy"; o.castShadow = true; } });
    scene.add(toy);
    return { bowl, toy };
}

/** Whether this browser can draw the scene at all (WebGL). */
export const canDraw = canRenderWebGL;

/**
 * Draws the cat in `host` and wires its interactions to `dotnet`. `look` is the cat's Appearance, `liveliness` 0..1.
 * Returns a handle with update() and dispose(). Call canDraw() first: without WebGL the page shows the 2D portrait.
 */
export function start(host, dotnet, look, liveliness) {
    const renderer = createRenderer(host); // throws when WebGL is there but refused (blocklisted driver, context limit)
    let disposed = false;
    const scene = new THREE.Scene();
    scene.background = new THREE.Color("#f6efe6");
    const camera = new THREE.PerspectiveCamera(40, 1, 0.1, 50);
    camera.position.set(2.6, 2.4, 4.4);
    addLights(scene);
    // The room and the cat sit in one group, so in VR (where the player stands at the origin) it can be set in front.
    const world = new THREE.Group();
    scene.add(world);
    const { bowl, toy } = buildRoom(world);
    const cat = buildCat(look);
    cat.rotation.y = 0.35;
    world.add(cat);
    const inFront = () => world.position.set(0, 0, -2.2);
    const onTable = () => world.position.set(0, 0, 0);
    renderer.xr.addEventListener("sessionstart", inFront);
    renderer.xr.addEventListener("sessionend", onTable);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.target.set(0, 0.6, 0);
    controls.enableDamping = true;
    controls.maxPolarAngle = Math.PI / 2.1;
    controls.minDistance = 2;
    controls.maxDistance = 8;
    controls.update();
    const resize = fitTo(host, renderer, camera);
    const targets = [cat, bowl, toy];
    const effects = [];
    let current = { liveliness };
    let hop = 0; // seconds left of a happy hop

    async function interact(target, inputSource) {
        if (disposed)
            return;
        pulse(inputSource);
        let answer;
        try {
            answer = await dotnet.invokeMethodAsync("Interact", target);
        } catch {
            return; // the circuit is gone; the page says so
        }
        if (disposed || !answer?.succeeded)
            return;
        pulse(inputSource, 1, 120);
        const at = target === "bowl" ? bowl.position : target === "toy" ? toy.position : cat.position;
        effects.push(purr(scene, new THREE.Vector3(at.x, 1.3, at.z).add(world.position)));
        hop = 0.6;
    }

    // A click is a press and release without dragging the camera round.
    let down = null;
    const onDown = event => { down = { x: event.clientX, y: event.clientY }; };
    const onUp = event => {
        if (!down || Math.hypot(event.clientX - down.x, event.clientY - down.y) > 6)
            return;
        down = null;
        const hit = pick(event, renderer.domElement, camera, targets);
        if (hit)
            interact(hit.object.userData.target);
    };
    const onMove = event => {
        renderer.domElement.style.cursor = pick(event, renderer.domElement, camera, targets) ? "pointer" : "grab";
    };
    renderer.domElement.addEventListener("pointerdown", onDown);
    renderer.domElement.addEventListener("pointerup", onUp);
    renderer.domElement.addEventListener("pointermove", onMove);
    addControllers(renderer, scene, (controller, inputSource) => {
        const hit = pickFromController(controller, targets);
        if (hit)
            interact(hit.object.userData.target, inputSource);
    });

    const timer = new THREE.Timer();
    renderer.setAnimationLoop(time => {
        timer.update(time);
        const delta = Math.min(timer.getDelta(), 0.1);
        const seconds = timer.getElapsed();
        animateCat(cat, seconds, current.liveliness);
        hop = Math.max(0, hop - delta);
        cat.position.y = Math.sin((hop / 0.6) * Math.PI) * 0.25;
        toy.rotation.y += delta * 0.3;
        for (let i = effects.length - 1; i >= 0; i--)
            if (!effects[i](delta))
                effects.splice(i, 1);
        controls.update();
        renderer.render(scene, camera);
    });
    host.dataset.ready = "true";

    const forget = onCircuitGone(() => dispose());
    function dispose() {
        if (disposed)
            return;
        disposed = true;
        forget();
        resize.disconnect();
        renderer.domElement.removeEventListener("pointerdown", onDown);
        renderer.domElement.removeEventListener("pointerup", onUp);
        renderer.domElement.removeEventListener("pointermove", onMove);
        controls.dispose();
        renderer.xr.removeEventListener("sessionstart", inFront);
        renderer.xr.removeEventListener("sessionend", onTable);
        disposeScene(renderer, scene);
        delete host.dataset.ready;
        dotnet = null;
    }

    // The Enter VR button is rendered by the component once told VR is there; its click must start the session
    // itself (browsers only allow it inside the user's gesture), so it is handled here rather than over the circuit.
    const frame = host.parentElement;
    const onVrClick = event => {
        if (event.target.closest?.("[data-enter-vr]") && !disposed)
            enterVr(renderer).catch(error => console.warn("Could not enter VR:", error?.message ?? error));
    };
    frame.addEventListener("click", onVrClick);
    // Asked on the side: a slow answer (or none) must not hold the scene back.
    vrSupported().then(supported => {
        if (supported && !disposed)
            dotnet?.invokeMethodAsync("VrAvailable").catch(() => { });
    });

    return {
        update: (stats) => { current = stats; },
        dispose: () => { frame.removeEventListener("click", onVrClick); dispose(); },
    };
}
