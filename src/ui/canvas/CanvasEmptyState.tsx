/** What an empty canvas says, so a first-time user knows where to start. */
export function CanvasEmptyState() {
  return (
    <div className="canvas-empty" data-testid="canvas-empty">
      <p className="canvas-empty__title">An empty canvas</p>
      <p>Add resources from the palette on the left (click, or drag them here), then drag from a node&apos;s right edge to another node to connect them.</p>
      <p>Or open a ready-made flow from the Examples menu.</p>
    </div>
  );
}
