import { test, expect } from './fixtures/test';

test.describe('keyboard and screen readers', () => {
  test('nodes announce kind, name and connections; nodes and edges are reachable and operable from the keyboard', async ({ app, page }) => {
    await app.open();
    await expect(app.canvas.node('orders-queue')).toHaveAttribute(
      'aria-label',
      'SQS queue orders-queue, receives from rule all-orders, moves failed messages to SQS queue orders-dlq, feeds Lambda function ChargeCard',
    );
    await expect(app.canvas.node('orders-queue')).toHaveAttribute('aria-roledescription', 'node');
    await expect(app.canvas.edge('e-esm-1')).toHaveAttribute('aria-label', /^event source mapping from SQS queue orders-queue to Lambda function ChargeCard/);
    // Tab reaches every node and every connection.
    await app.canvas.clickEmpty();
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < 19; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.closest('.react-flow__node, .react-flow__edge')?.getAttribute('data-id') ?? null);
      if (id) reached.add(id);
    }
    const doc = await app.scenario();
    for (const n of doc.nodes) expect(reached, `node ${n.id} reachable`).toContain(n.id);
    for (const e of doc.edges) expect(reached, `edge ${e.id} reachable`).toContain(e.id);
    // Operate a node: focus, Enter selects it (the inspector follows), arrows move, Delete removes.
    await app.canvas.node('orders-dlq').focus();
    await page.keyboard.press('Enter');
    await expect(app.inspector.title).toHaveText('orders-dlq');
    const y0 = doc.nodes.find((n) => n.id === 'orders-dlq')!.position.y;
    await page.keyboard.press('ArrowDown');
    expect((await app.scenario()).nodes.find((n) => n.id === 'orders-dlq')!.position.y).toBe(y0 + 10);
    await page.keyboard.press('Delete');
    await expect(app.canvas.node('orders-dlq')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(app.canvas.node('orders-dlq')).toHaveCount(1);
    // Operate an edge the same way.
    await app.canvas.edge('e-esm-1').focus();
    await page.keyboard.press('Enter');
    await expect(app.inspector.title).toHaveText('Event source mapping');
    // Connect from the keyboard: the inspector's "Connect to" lists only what AWS accepts.
    await app.canvas.node('NotifySales').focus();
    await page.keyboard.press('Enter');
    const connectTo = app.inspector.section('connections').getByLabel('Connect to');
    await expect(connectTo.locator('option', { hasText: 'SQS queue orders-dlq' })).toHaveCount(1);
    await expect(connectTo.locator('option', { hasText: 'Producer web-shop' })).toHaveCount(0);
    await connectTo.selectOption({ label: 'SQS queue orders-dlq' });
    await app.inspector.section('connections').getByRole('button', { name: 'Connect' }).click();
    expect((await app.scenario()).edges.at(-1)).toMatchObject({ kind: 'destination', source: 'NotifySales', target: 'orders-dlq' });
  });

  test('light and dark themes look right and the choice persists', async ({ app, page }) => {
    await app.open();
    await app.setTheme('light');
    await app.canvas.node('orders-queue').click();
    await app.screenshot('theme-light');
    await app.canvas.connect(app.canvas.node('web-shop'), app.canvas.node('ChargeCard'));
    await expect(app.canvas.toast).toBeVisible();
    await app.screenshot('theme-light-refused');
    await app.setTheme('dark');
    await app.canvas.node('e-esm-1').count();
    await app.canvas.edge('e-esm-1').click({ force: true });
    await app.screenshot('theme-dark');
    await page.reload();
    await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
    await app.canvas.node('web-shop').click();
    await app.screenshot('theme-dark-producer');
  });
});
