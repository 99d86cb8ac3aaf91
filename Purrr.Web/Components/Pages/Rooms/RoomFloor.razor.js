// Turns a click on the room floor into floor coordinates (the SVG's own units) for the server.
export function attach(svg, dotnet) {
    const onClick = event => {
        const matrix = svg.getScreenCTM();
        if (!matrix) return;
        const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
        const box = svg.viewBox.baseVal;
        const x = Math.round(Math.min(Math.max(point.x, 0), box.width));
        const y = Math.round(Math.min(Math.max(point.y, 0), box.height));
        dotnet.invokeMethodAsync("FloorClicked", x, y);
    };
    svg.addEventListener("click", onClick);
    return { dispose: () => svg.removeEventListener("click", onClick) };
}
