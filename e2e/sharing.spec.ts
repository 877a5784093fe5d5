import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures/test';
import { AppPage } from './fixtures/appPage';

test.describe('sharing and files', () => {
  test('Share makes a link that opens the identical scenario, seed included, in a new page', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.open();
    await app.inspector.set('settings', ['seed'], '7');
    await app.canvas.node('orders-dlq').click();
    await app.inspector.set('props', ['MessageRetentionPeriod'], '604800');
    const link = await app.share();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#1[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(2500);
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const original = await app.scenario();
    const other = new AppPage(await context.newPage());
    await other.page.goto(link);
    await expect.poll(async () => (await other.scenario().catch(() => null))?.settings.seed).toBe(7);
    expect(await other.scenario()).toEqual(original);
    // The hash is dropped once read, so a reload shows later edits, not the link's original.
    await expect.poll(() => other.page.evaluate(() => location.hash)).toBe('');
    await other.page.close();
  });

  test('a corrupted, truncated or foreign link says what is wrong and keeps the drawing', async ({ app, page }) => {
    await app.open();
    await app.canvas.node('ChargeCard').click();
    await app.inspector.set('props', ['Timeout'], '7');
    await app.waitForAutosave();
    const drawing = await app.scenario();
    const link = await app.share();
    const hash = link.slice(link.indexOf('#') + 1);
    const cases: Array<[string, RegExp]> = [
      [hash.slice(0, Math.floor(hash.length / 2)), /incomplete|corrupted/],
      ['1' + 'A'.repeat(40) + '!!', /corrupted/],
      ['1' + Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256)).toString('base64url'), /corrupted/],
      ['9' + hash.slice(1), /another evsim version/],
      ['1' + 'A'.repeat(70_000), /too long/],
    ];
    for (const [i, [bad, why]] of cases.entries()) {
      // The first arrives in the open tab (hashchange), the others as fresh page loads.
      if (i > 0) await page.goto('about:blank');
      await page.goto(`/#${bad}`);
      const alert = app.notice;
      await expect(alert).toHaveAttribute('role', 'alert');
      await expect(alert).toContainText('The shared link could not be opened');
      await expect(alert).toContainText(why);
      await expect(alert).toContainText('Your drawing was not changed');
      await expect.poll(() => app.scenario()).toEqual(drawing);
    }
  });

  test('a reload keeps the drawing', async ({ app, page }) => {
    await app.open();
    await app.newScenario();
    await app.canvas.addByClick('SQS queue');
    await app.inspector.set('props', ['QueueName'], 'kept-after-reload');
    await app.waitForAutosave();
    const drawing = await app.scenario();
    await page.reload();
    await expect(app.canvas.nodeNamed('kept-after-reload')).toBeVisible();
    expect(await app.scenario()).toEqual(drawing);
  });

  test('Save file and Open file round-trip the scenario', async ({ app, page }) => {
    await app.open();
    await app.canvas.node('web-shop').click();
    await app.inspector.set('behavior', ['count'], '25');
    const drawing = await app.scenario();
    const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
      await page.getByTestId('menu-file').click();
      await page.getByRole('menuitem', { name: /Save file/ }).click();
    })()]);
    expect(download.suggestedFilename()).toBe('order-flow.evsim.json');
    const text = readFileSync(await download.path(), 'utf8');
    await app.newScenario();
    await app.importFile('order-flow.evsim.json', text);
    await expect(app.canvas.nodes).toHaveCount(drawing.nodes.length);
    expect(await app.scenario()).toEqual(drawing);
  });

  test('hostile files are refused with a clear alert; names always render as text', async ({ app, page }) => {
    await app.open();
    const drawing = await app.scenario();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const proto = JSON.stringify({ ...drawing, __proto__: null }).replace('"format"', '"__proto__":{"polluted":true},"format"');
    const files: Array<[string, string | Buffer, RegExp]> = [
      ['random.json', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)), /not valid JSON/],
      ['truncated.json', JSON.stringify(drawing).slice(0, 700), /not valid JSON/],
      ['deep.json', deep, /nested too deeply/],
      ['proto.json', proto, /__proto__.*not allowed/],
      ['wrong.json', JSON.stringify({ hello: 'world' }), /format|evsim/i],
      ['huge.json', Buffer.alloc(6 * 1024 * 1024, 32), /at most 5 MB/],
    ];
    for (const [name, contents, why] of files) {
      await app.importFile(name, contents);
      await expect(app.notice).toHaveAttribute('role', 'alert');
      await expect(app.notice).toContainText(`The file "${name}" could not be opened`);
      await expect(app.notice).toContainText(why);
      expect(await app.scenario()).toEqual(drawing);
      expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    }
    // HTML and script in names are shown as text, never run.
    const evil = structuredClone(drawing);
    evil.name = '<script>window.__pwned = 1</script>';
    evil.nodes[0].props.Name = '<img src=x onerror="window.__pwned=2">';
    await app.importFile('evil.json', JSON.stringify(evil));
    await expect(app.canvas.node('web-shop')).toContainText('<img src=x onerror="window.__pwned=2">');
    await expect(app.page.getByTestId('scenario-name')).toHaveText('<script>window.__pwned = 1</script>');
    expect(await app.canvas.root.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('a link too long for chat apps warns and offers the file instead', async ({ app, page }) => {
    await app.open();
    const big = await app.scenario();
    // Random-looking descriptions do not compress, so the link grows past 8,000 characters.
    let seed = 1;
    const noise = (length: number) => Array.from({ length }, () => ((seed = (seed * 48271) % 2147483647), 'abcdefghijklmnopqrstuvwxyz0123456789'[seed % 36])).join('');
    for (const n of big.nodes) if (n.kind === 'rule') n.props.Description = noise(500);
    big.description = noise(9900);
    await app.importFile('big.json', JSON.stringify(big));
    await expect.poll(async () => (await app.scenario()).description.length).toBe(9900);
    await app.button('Share').click();
    const dialog = page.getByTestId('share-dialog');
    await expect(dialog.getByRole('alert')).toContainText('Share the scenario file instead');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.evsim\.json$/);
  });

  test('a link opened over another drawing keeps that drawing and offers it back', async ({ app, page }) => {
    await app.open();
    const link = await app.share();
    await app.newScenario();
    await app.canvas.addByClick('SNS topic');
    await app.waitForAutosave();
    const mine = await app.scenario();
    await page.goto('about:blank');
    await page.goto(link);
    await expect(app.notice).toContainText('Opened the shared scenario');
    expect((await app.scenario()).name).toBe('Order flow');
    await app.notice.getByRole('button', { name: 'Bring back my drawing' }).click();
    await expect(app.canvas.nodes).toHaveCount(1);
    expect((await app.scenario()).nodes).toEqual(mine.nodes);
  });

  test('the Examples menu lists the built-in examples and opens them as an undoable step', async ({ app, page }) => {
    await app.open();
    await app.openExample('Streams, pipes, schedules and replay');
    await expect.poll(async () => (await app.scenario()).name).toBe('Streams, pipes, schedules and replay');
    await expect(app.canvas.nodes.first()).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.scenario()).name).toBe('Order flow');
  });
});
