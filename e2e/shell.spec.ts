import { test, expect } from './fixtures/test';

test.describe('app shell', () => {
  test('loads the default example with every node drawn, and nothing from outside 127.0.0.1', async ({ app, consoleErrors }) => {
    await app.open();
    const scenario = await app.scenario();
    expect(scenario.nodes.length).toBeGreaterThanOrEqual(7);
    await expect(app.canvas.nodes).toHaveCount(scenario.nodes.length);
    for (const n of scenario.nodes) await expect(app.canvas.node(n.id)).toBeVisible();
    await app.screenshot('shell-light');
    expect(consoleErrors).toEqual([]);
  });

  test('the simulation worker answers behind the versioned protocol', async ({ app }) => {
    await app.open();
    await expect(app.workerStatus).toContainText('ready');
    const reply = await app.workerRequest({ type: 'ping' });
    expect(reply.type).toBe('pong');
    const bad = await app.workerRequest({ type: 'hello', protocolVersion: 999 });
    expect(bad.type).toBe('incompatible');
  });

  test('Monaco loads on demand from the local bundle', async ({ app, page }) => {
    const monacoRequests: string[] = [];
    page.on('request', (r) => {
      if (/JsonEditor|editor\.worker|monaco/i.test(r.url())) monacoRequests.push(r.url());
    });
    await app.open();
    await expect(page.locator('.monaco-editor')).toHaveCount(0);
    expect(monacoRequests).toEqual([]);
    await page.getByRole('button', { name: 'Scenario JSON' }).click();
    await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('"format"');
    expect(monacoRequests.length).toBeGreaterThan(0);
    await app.screenshot('shell-monaco');
  });
});
