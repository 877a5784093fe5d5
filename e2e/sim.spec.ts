import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures/test';
import { SimPage } from './fixtures/simPage';

test.describe('simulation view', () => {
  test('plays the default example: messages move as tokens, nodes count live, pause stops', async ({ app, page, consoleErrors }) => {
    await app.open();
    const sim = new SimPage(page);
    await sim.ready();
    await sim.setSpeed(10);
    await sim.play();
    const visibleTokens = page.locator('[data-testid=sim-tokens] .sim-token[style*="visible"]');
    await expect.poll(() => visibleTokens.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await sim.screenshot('sim-0-playing');
    await expect(sim.counter('web-shop', 'sent')).toBeVisible();
    await expect(sim.counter('orders-queue', 'queued')).toHaveAttribute('title', /ApproximateNumberOfMessagesVisible/);
    await sim.pause();
    const paused = await sim.snapshot();
    await page.waitForTimeout(400);
    expect((await sim.snapshot()).simTimeMs).toBe(paused.simTimeMs);
    expect(Number((await sim.counter('web-shop', 'sent').innerText()).match(/\d+/)![0])).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  test('steps until a message reaches the DLQ, inspects its attempts against the settings, steps back', async ({ app, page, consoleErrors }) => {
    await app.open();
    const sim = new SimPage(page);
    await sim.ready();
    const doc = await app.scenario();
    const redrive = doc.edges.find((e) => e.kind === 'redrive' && e.source === 'orders-queue')!;
    const maxReceiveCount = redrive.props.maxReceiveCount as number;
    const visibility = doc.nodes.find((n) => n.id === 'orders-queue')!.props.VisibilityTimeout as number;

    // Single steps: one engine event each, by button and by key.
    for (let i = 1; i <= 3; i++) expect((await sim.step()).eventsProcessed).toBe(i);
    await page.keyboard.press('.');
    await sim.waitFor((s) => s.eventsProcessed === 4);
    // The oldest event (the first publish) is the last row in document order.
    await expect(sim.logRows().last()).toContainText('was published by web-shop to orders');
    await sim.screenshot('sim-1-stepped');

    // Step on to the first move to a dead-letter queue.
    const atDlq = await sim.nextDlq();
    expect(atDlq.nodes[redrive.target].units.queued).toBe(1);
    await expect(sim.counter(redrive.target, 'dlq')).toContainText('1');
    await sim.screenshot('sim-2-dlq');

    await sim.logRows('movedToDlq').first().click();
    await expect(sim.inspector).toBeVisible();
    const rows = sim.attempts('orders-queue');
    await expect(rows).toHaveCount(maxReceiveCount);
    for (let i = 0; i < maxReceiveCount; i++) {
      const row = rows.nth(i);
      await expect(row.getByTestId('attempt-n')).toHaveText(`${i + 1} of ${maxReceiveCount}`);
      await expect(row).toHaveAttribute('data-outcome', 'failed');
      await expect(row.locator('td').nth(2)).toContainText('failed in ChargeCard');
      await expect(row.locator('td').nth(3)).toContainText(`(${visibility} s after the receive)`);
    }
    await expect(sim.hop('orders-queue')).toContainText('given up: to DLQ');
    await expect(sim.hop(redrive.target)).toContainText('waiting');
    await expect(page.getByTestId('message-outcome')).toContainText(redrive.target);
    // What ChargeCard received on the second attempt: a Lambda SQS event with receive count 2.
    await sim.hop('orders-queue').getByText('What ChargeCard received on attempt 2').click();
    const second = sim.hop('orders-queue').locator('.sim-attempts__more pre').nth(1);
    await expect(second).toContainText('"ApproximateReceiveCount": "2"');
    await expect(second).toContainText('"eventSource": "aws:sqs"');
    await second.scrollIntoViewIfNeeded();
    await sim.screenshot('sim-3-inspector');
    await (await sim.openHop('orders')).getByText('Payload as orders received it').click();
    await expect(page.getByTestId('payload-orders')).toContainText('"detail-type": "OrderPlaced"');
    await sim.screenshot('sim-3b-bus-payload');

    // One step back: the message is back in its queue, the DLQ is empty again.
    const back = await sim.stepBack();
    expect(back.eventsProcessed).toBe(atDlq.eventsProcessed - 1);
    expect(back.nodes[redrive.target].units.queued).toBe(0);
    await expect(sim.counter(redrive.target, 'dlq')).toContainText('0');
    await expect(sim.hop(redrive.target)).toHaveCount(0);
    await expect(page.getByTestId('message-outcome')).not.toContainText(redrive.target);
    await sim.screenshot('sim-4-step-back');
    expect(consoleErrors).toEqual([]);
  });

  test('changes speed by menu and keys; every control names its key in its tooltip', async ({ app, page }) => {
    await app.open();
    const sim = new SimPage(page);
    await sim.ready();
    await expect(sim.playButton).toHaveAttribute('title', /\(K\)/);
    await expect(sim.button(/^Step/)).toHaveAttribute('title', /\(\.\)/);
    await expect(sim.button(/Back/)).toHaveAttribute('title', /\(,\)/);
    await expect(sim.button(/Reset/)).toHaveAttribute('title', /\(R\)/);
    await expect(page.getByTestId('sim-scrubber').locator('xpath=..')).toHaveAttribute('title', /J back, L forward/);
    await sim.setSpeed(60);
    await page.keyboard.press('k');
    const playing = await sim.waitFor((s) => s.mode === 'playing');
    expect(playing.speed).toBe(60);
    await page.keyboard.press(']');
    await sim.waitFor((s) => s.speed === 120);
    await expect(page.getByTestId('sim-speed')).toHaveValue('120');
    const t0 = (await sim.snapshot()).simTimeMs;
    await page.waitForTimeout(500);
    // At 2 min of simulated time per second, half a second moves the clock by about a minute.
    expect((await sim.snapshot()).simTimeMs - t0).toBeGreaterThan(20_000);
    await sim.screenshot('sim-5-speed');
    await page.keyboard.press('k');
    await sim.waitFor((s) => s.mode === 'paused');
  });

  test('timeline per consumer and charts over simulated time', async ({ app, page, consoleErrors }) => {
    await app.open();
    const sim = new SimPage(page);
    await sim.ready();
    await sim.runTo('10m', 600_000);
    await sim.tab('Timeline').click();
    const timeline = page.getByTestId('sim-timeline');
    await expect(timeline.locator('svg g[data-mark]').first()).toBeVisible();
    await expect(page.getByTestId('timeline-summary')).toContainText(/\d+ arrivals/);
    await expect(timeline.locator('svg g[data-mark="retry"]').first()).toBeVisible();
    await sim.screenshot('sim-6-timeline');
    await sim.tab('Charts').click();
    const charts = page.getByTestId('sim-charts');
    await expect(charts.locator('figure')).toHaveCount(7);
    await expect(charts.locator('canvas').first()).toBeVisible();
    await expect(charts.locator('figure[data-metric="dlqDepth"] figcaption')).toContainText('orders-dlq');
    await sim.screenshot('sim-7-charts');
    await app.setTheme('dark');
    await sim.tab('Log').click();
    await sim.screenshot('sim-8-dark');
    expect(consoleErrors).toEqual([]);
  });

  test("the worker's trace hash equals the Node engine's for the default example and seed", async ({ app, page }) => {
    await app.open();
    const sim = new SimPage(page);
    await sim.ready();
    await sim.setSeed(1);
    const done = await sim.runTo('1h', 3_600_000);
    const cli = JSON.parse(execFileSync('npm', ['run', '--silent', 'evsim', '--', 'run', 'public/examples/order-flow.json', '--seed', '1', '--until', '1h', '--json'], { encoding: 'utf8' })) as { traceHash: string };
    expect(done.traceHash).toBe(cli.traceHash);
    await expect(page.getByTestId('sim-hash')).toHaveText(`#${cli.traceHash.slice(0, 8)}`);
  });

  test('narrates in a polite live region and opens messages from the log and the live list', async ({ app, page }) => {
    await app.open();
    const sim = new SimPage(page);
    await sim.ready();
    await expect(sim.announcer).toHaveAttribute('aria-live', 'polite');
    await page.keyboard.press('n');
    await expect(sim.announcer).toContainText(/failed in ChargeCard \(attempt \d of 3\); it becomes visible again in 30 s/, { timeout: 10_000 });
    await app.canvas.node('orders-queue').click();
    const live = page.getByTestId('live-messages');
    await expect(live.getByRole('button').first()).toBeVisible();
    await live.getByRole('button').first().click();
    await expect(sim.inspector).toBeVisible();
    await expect(sim.hop('orders-queue')).toBeVisible();
    await sim.inspector.getByRole('button', { name: 'Close the message inspector' }).click();
    await expect(sim.inspector).toHaveCount(0);
  });

  test('duplicates and out-of-order deliveries are marked on the canvas and in the timeline', async ({ app, page, consoleErrors }) => {
    await app.open();
    const sim = new SimPage(page);
    // The default example with an at-least-once, best-effort-order queue and a consumer that never fails.
    const doc = JSON.parse(readFileSync('public/examples/order-flow.json', 'utf8'));
    doc.name = 'Order flow, unordered';
    doc.nodes.find((n: { id: string }) => n.id === 'orders-queue').behavior = { duplicateRate: 0.15, reorderRate: 0.4 };
    Object.assign(doc.nodes.find((n: { id: string }) => n.id === 'ChargeCard').behavior, { failureRate: 0, failWhen: '' });
    // Messages wait for a batching window, so several are visible at once and can be reordered.
    Object.assign(doc.edges.find((e: { id: string }) => e.id === 'e-esm-1').props, { BatchSize: 5, MaximumBatchingWindowInSeconds: 1 });
    doc.nodes.find((n: { id: string }) => n.id === 'web-shop').behavior.ratePerSecond = 10;
    expect(await page.evaluate((t) => (window as unknown as { __evsim: { openScenario(t: string): Promise<boolean> } }).__evsim.openScenario(t), JSON.stringify(doc))).toBe(true);
    await expect(page.getByTestId('scenario-name')).toHaveText('Order flow, unordered');
    await sim.ready();
    await sim.runTo('40s', 40_000);
    await expect(page.locator('[data-testid=markers-ChargeCard] [data-mark=duplicate]')).toBeVisible();
    await expect(page.locator('[data-testid=markers-ChargeCard] [data-mark=duplicate]')).toHaveAttribute('title', /at least once/);
    await sim.screenshot('sim-9-duplicates-canvas');
    await sim.tab('Timeline').click();
    const summary = page.getByTestId('timeline-summary');
    await expect(summary).toContainText(/[1-9]\d* out of order/);
    await expect(summary).toContainText(/[1-9]\d* duplicates/);
    const timeline = page.getByTestId('sim-timeline');
    await expect(timeline.locator('svg g[data-mark="outOfOrder"]').first()).toBeVisible();
    await expect(timeline.locator('svg g[data-mark="duplicate"]').first()).toBeVisible();
    await sim.screenshot('sim-10-timeline-unordered');
    expect(consoleErrors).toEqual([]);
  });

  test('runs schedules, pipes and replays: the schedule fires every 15 minutes, the pipe moves each order on, the archive replays', async ({ app, page, consoleErrors }) => {
    await app.open();
    await app.openExample('Streams, pipes, schedules and replay');
    const sim = new SimPage(page);
    await sim.ready();
    const done = await sim.runTo('1h', 3_600_000);
    // Schedules (time zones), pipes and replays give the same trace in the worker as in Node.
    const cli = JSON.parse(execFileSync('npm', ['run', '--silent', 'evsim', '--', 'run', 'public/examples/streams-and-pipes.json', '--seed', String(done.seed), '--until', '1h', '--json'], { encoding: 'utf8' })) as { traceHash: string };
    expect(done.traceHash).toBe(cli.traceHash);
    // rate(15 minutes) from time 0: 0, 15, 30 and 45 minutes.
    await expect(sim.counter('report-every-15-min', 'sent')).toContainText('4 fired');
    await expect(sim.counter('orders-pipe', 'received')).toContainText('20 read');
    await expect(sim.counter('orders-pipe', 'sent')).toContainText('20 sent');
    await expect(sim.logRows('published').filter({ hasText: 'report-every-15-min fired' }).first()).toBeVisible();
    // At 20 minutes the archive replays the first 10 minutes: all 20 orders (sent in the first 20 s).
    await expect(sim.counter('analytics-archive', 'received')).toContainText('20 archived');
    await expect(sim.counter('analytics-archive', 'sent')).toContainText('20 replayed');
    await sim.screenshot('sim-schedules-and-pipes');
    // The replay is set on the archive, in the inspector.
    await app.canvas.node('analytics-archive').click();
    await expect(page.getByTestId('inspector')).toContainText('rebuild-dashboard');
    await app.screenshot('inspector-archive-replay');
    expect(consoleErrors).toEqual([]);
  });
});

