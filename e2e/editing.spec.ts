import { test, expect } from './fixtures/test';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe('editing', () => {
  test('the palette adds every kind by click, in view and without overlap, or by drag where dropped', async ({ app }) => {
    await app.open();
    await app.newScenario();
    const labels = ['Producer', 'Event bus', 'Rule', 'SQS queue', 'SNS topic', 'Kinesis stream', 'Lambda function', 'Pipe', 'Schedule', 'Archive'];
    for (const label of labels.slice(0, 5)) await app.canvas.addByClick(label);
    await app.canvas.expectNodeCount(5);
    const canvas = (await app.canvas.root.boundingBox())!;
    const boxes = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await app.canvas.nodes.nth(i).boundingBox())!));
    for (const [i, b] of boxes.entries()) {
      expect(b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height, `node ${i} in view`).toBe(true);
      for (const c of boxes.slice(i + 1)) expect(overlap(b, c)).toBe(false);
    }
    await app.canvas.addByDrag('Lambda function', 120, 640);
    const dropped = (await app.canvas.nodes.nth(5).boundingBox())!;
    expect(Math.abs(dropped.x + dropped.width / 2 - (canvas.x + 120))).toBeLessThan(30);
    expect(Math.abs(dropped.y + dropped.height / 2 - (canvas.y + 640))).toBeLessThan(30);
    for (const label of labels.slice(5)) await app.canvas.addByClick(label);
    const kinds = (await app.scenario()).nodes.map((n) => n.kind).sort();
    expect(kinds).toEqual(['archive', 'eventBus', 'kinesisStream', 'lambdaFunction', 'lambdaFunction', 'pipe', 'producer', 'rule', 'schedule', 'snsTopic', 'sqsQueue']);
  });

  test('properties: an invalid value stays on its field, a valid one reaches the model, undo and redo', async ({ app, page }) => {
    await app.open();
    await app.canvas.node('orders-queue').click();
    await expect(app.inspector.title).toHaveText('orders-queue');
    const visibility = app.inspector.field('props', 'VisibilityTimeout');
    await expect(visibility).toHaveAttribute('max', '43200');
    await visibility.fill('50000');
    await expect(visibility).toHaveAttribute('aria-invalid', 'true');
    await expect(app.inspector.fieldError('props', 'VisibilityTimeout')).toHaveText('Must be at most 43200 seconds.');
    const queue = async () => (await app.scenario()).nodes.find((n) => n.id === 'orders-queue')!;
    expect((await queue()).props.VisibilityTimeout).toBe(30);
    await visibility.fill('120');
    await expect(visibility).not.toHaveAttribute('aria-invalid', 'true');
    expect((await queue()).props.VisibilityTimeout).toBe(120);
    await expect(app.canvas.node('orders-queue')).toContainText('visibility 120s');
    // JSON text: a broken pattern is refused on the field, with line and column.
    await app.canvas.node('all-orders').click();
    const pattern = app.inspector.field('props', 'EventPattern');
    await pattern.fill('{"source": [');
    await pattern.blur();
    await expect(pattern).toHaveAttribute('aria-invalid', 'true');
    await expect(app.inspector.fieldError('props', 'EventPattern')).toContainText('Not valid JSON');
    expect((await app.scenario()).nodes.find((n) => n.id === 'all-orders')!.props.EventPattern).toContain('com.example.shop');
    await pattern.fill('{"source":["com.example.shop"]}');
    await pattern.blur();
    await expect(pattern).not.toHaveAttribute('aria-invalid', 'true');
    // Enum, boolean and behaviour fields.
    await app.canvas.node('ChargeCard').click();
    await app.inspector.choose('behavior', ['latency', 'distribution'], 'uniform');
    await app.inspector.set('behavior', ['failureRate'], '0.5');
    await expect(app.canvas.node('ChargeCard')).toContainText('fails 50%');
    const fn = async () => (await app.scenario()).nodes.find((n) => n.id === 'ChargeCard')!;
    expect((await fn()).behavior).toMatchObject({ failureRate: 0.5, latency: { distribution: 'uniform' } });
    // Keyboard undo goes back one edit at a time (typing "0.5" is one step); redo replays.
    await app.canvas.clickEmpty();
    await page.keyboard.press('Control+z');
    expect((await fn()).behavior).toMatchObject({ failureRate: 0.15, latency: { distribution: 'uniform' } });
    await page.keyboard.press('Control+z');
    expect((await fn()).behavior).toMatchObject({ latency: { distribution: 'lognormal' } });
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    expect((await fn()).behavior).toMatchObject({ failureRate: 0.5, latency: { distribution: 'uniform' } });
    await app.undo();
    await app.undo();
    await app.undo();
    await app.undo();
    expect((await queue()).props.VisibilityTimeout).toBe(30);
    await app.redo();
    expect((await queue()).props.VisibilityTimeout).toBe(120);
  });

  test('the checks list risky settings and select what they are about', async ({ app }) => {
    await app.open();
    await app.canvas.node('orders-queue').click();
    await app.inspector.set('props', ['VisibilityTimeout'], '2');
    const finding = app.inspector.lintFinding('timeoutAboveVisibility');
    await expect(finding).toContainText('ChargeCard');
    await app.canvas.clickEmpty();
    await finding.click();
    const selected = await app.selection();
    expect(selected.length).toBe(1);
    expect(['ChargeCard', 'orders-queue', 'e-esm-1']).toContain(selected[0]);
  });

  test('multi-select, delete, copy and paste, duplicate, keyboard moves', async ({ app, page }) => {
    await app.open();
    const before = await app.scenario();
    await app.canvas.node('orders-queue').click();
    await app.canvas.node('orders-dlq').click({ modifiers: ['Shift'] });
    expect((await app.selection()).sort()).toEqual(['orders-dlq', 'orders-queue']);
    // Arrow keys move the selection one grid step, ten with Shift; one burst is one undo step.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    const pos = async (id: string) => (await app.scenario()).nodes.find((n) => n.id === id)!.position;
    const q0 = before.nodes.find((n) => n.id === 'orders-queue')!.position;
    expect(await pos('orders-queue')).toEqual({ x: q0.x + 10, y: q0.y + 100 });
    await page.keyboard.press('Control+z');
    expect(await pos('orders-queue')).toEqual(q0);
    // Copy and paste: new ids and names, the connection between them comes along.
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await app.canvas.expectNodeCount(before.nodes.length + 2);
    let doc = await app.scenario();
    const pasted = doc.nodes.slice(-2);
    expect(pasted.map((n) => n.props.QueueName)).toEqual(['orders-queue-copy', 'orders-dlq-copy']);
    expect(doc.edges.at(-1)).toMatchObject({ kind: 'redrive', source: pasted[0].id, target: pasted[1].id });
    expect((await app.selection()).length).toBe(3);
    // Duplicate.
    await page.keyboard.press('Control+d');
    await app.canvas.expectNodeCount(before.nodes.length + 4);
    // Delete takes the connections along; one undo brings everything back.
    await app.canvas.node('ChargeCard').click();
    await page.keyboard.press('Delete');
    doc = await app.scenario();
    expect(doc.nodes.some((n) => n.id === 'ChargeCard')).toBe(false);
    expect(doc.edges.some((e) => e.target === 'ChargeCard')).toBe(false);
    await page.keyboard.press('Control+z');
    expect((await app.scenario()).edges.some((e) => e.id === 'e-esm-1')).toBe(true);
    // Box selection (Shift+drag on the canvas) around the two rules.
    await app.canvas.clickEmpty();
    const r1 = (await app.canvas.node('high-value-orders').boundingBox())!;
    const r2 = (await app.canvas.node('all-orders').boundingBox())!;
    const c = (await app.canvas.root.boundingBox())!;
    await app.canvas.boxSelect({ x: r1.x - c.x - 8, y: r1.y - c.y - 8 }, { x: r2.x + r2.width - c.x + 8, y: r2.y + r2.height - c.y + 8 });
    // React Flow selects the connections of boxed nodes too.
    const nodeIds = new Set((await app.scenario()).nodes.map((n) => n.id));
    expect((await app.selection()).filter((id) => nodeIds.has(id)).sort()).toEqual(['all-orders', 'high-value-orders']);
    await page.keyboard.press('Backspace');
    await app.canvas.expectNodeCount(before.nodes.length + 2);
  });

  test('a refused connection says why, next to the pointer', async ({ app, page }) => {
    await app.open();
    const edges = (await app.scenario()).edges.length;
    // orders-queue already has a dead-letter queue.
    await app.canvas.connect(app.canvas.node('orders-queue'), app.canvas.node('fraud-review-queue'));
    const toast = app.canvas.toast;
    await expect(toast).toHaveAttribute('role', 'alert');
    await expect(toast).toContainText('A queue has one dead-letter queue');
    const target = (await app.canvas.node('fraud-review-queue').boundingBox())!;
    const at = (await toast.boundingBox())!;
    expect(Math.hypot(at.x - (target.x + target.width / 2), at.y - (target.y + target.height / 2))).toBeLessThan(80);
    // A producer can't send to a Lambda function directly.
    await app.canvas.connect(app.canvas.node('web-shop'), app.canvas.node('ChargeCard'));
    await expect(toast).toContainText("A producer can't connect to a Lambda function");
    expect((await app.scenario()).edges.length).toBe(edges);
    await page.keyboard.press('Escape');
    await expect(toast).toBeHidden();
  });

  test('auto-layout arranges the drawing left to right, loading elkjs on demand, and undoes in one step', async ({ app, page }) => {
    const elk: string[] = [];
    page.on('request', (r) => /elk/i.test(r.url()) && elk.push(r.url()));
    await app.open();
    expect(elk).toEqual([]);
    const before = await app.scenario();
    await app.button('Auto-layout').click();
    await expect.poll(async () => JSON.stringify((await app.scenario()).nodes.map((n) => n.position))).not.toBe(JSON.stringify(before.nodes.map((n) => n.position)));
    expect(elk.length).toBeGreaterThan(0);
    const x = async (id: string) => (await app.scenario()).nodes.find((n) => n.id === id)!.position.x;
    expect(await x('web-shop')).toBeLessThan(await x('orders'));
    expect(await x('orders')).toBeLessThan(await x('all-orders'));
    expect(await x('orders-queue')).toBeLessThan(await x('ChargeCard'));
    await page.keyboard.press('Control+z');
    expect((await app.scenario()).nodes.map((n) => n.position)).toEqual(before.nodes.map((n) => n.position));
  });
});
