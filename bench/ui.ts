/**
 * UI smoothness: the production build (`dist/`, served by `vite preview` on a free port this
 * bench starts and stops) in headless chromium, playing a generated 200-node scenario with at
 * least 1,000 messages in flight. Prints `ui.fps` (animation frames per second over ~5 s) and
 * `ui.longest_task_ms` (the longest main-thread task seen by a 'longtask' PerformanceObserver),
 * both with the whole drawing in view and zoomed in to where the live counters are drawn (`ui.fps`
 * is the lower, `ui.longest_task_ms` the longer of the two), plus `ui.in_flight` (messages in
 * flight when measuring started). Targets: >= 55 fps, no task over 50 ms. Needs `npm run build`
 * first (bench/run.ts builds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { ScenarioBuilder } from '../src/engine/kernel/testkit';
import type { Scenario } from '../src/model/types';

/** Chains of producer -> bus -> rule -> queue -> function: 40 x 5 = 200 nodes. */
const CHAINS = 40;
/** Wall time measured. */
const MEASURE_MS = 5_000;
/** Play speed (simulated ms per wall ms): busy enough that every report carries the maximum of facts. */
const SPEED = 10;
/**
 * Runs in the page: counts animation frames for MEASURE_MS and records the longest task. Kept as
 * text so the bundler's helpers (tsx names functions) never leak into the page.
 */
const MEASURE_SCRIPT = `new Promise((resolve) => {
  let longest = 0;
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  let frames = 0;
  const t0 = performance.now();
  const tick = (t) => {
    frames++;
    if (t - t0 < MEASURE_MS) requestAnimationFrame(tick);
    else { obs.disconnect(); resolve({ fps: frames / ((performance.now() - t0) / 1000), longest }); }
  };
  requestAnimationFrame(tick);
})`;
/** The build served: `dist/` (EVSIM_DIST overrides it, e.g. to measure a private build while others rebuild `dist/`). */
const DIST = process.env.EVSIM_DIST ?? 'dist';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * 40 independent order flows, each 10 events/s into an SQS queue (visibility timeout 6 x the
 * function's) whose consumer takes about 3 s and fails 10% of records: about 30 messages in
 * flight per queue, 1,200 or more in all.
 */
export function twoHundredNodeScenario(): Scenario {
  const b = new ScenarioBuilder();
  for (let i = 0; i < CHAINS; i++) {
    const id = (k: string) => `${k}-${i}`;
    b.node('producer', id('shop'), { behavior: { mode: 'rate', ratePerSecond: 10, count: 100_000, jitterMs: 50, template: { Source: `com.example.shop${i}`, DetailType: 'OrderPlaced', Detail: { orderId: `order-${i}-{{seq}}`, amount: '{{rand:5-1500}}' } } } })
      .node('eventBus', id('bus'), { props: { Name: id('bus'), BusType: 'custom' } })
      .node('rule', id('rule'), { props: { Name: id('all-orders'), EventPattern: JSON.stringify({ source: [`com.example.shop${i}`] }) } })
      .node('sqsQueue', id('queue'), { props: { QueueName: id('orders'), VisibilityTimeout: 60 } })
      .node('lambdaFunction', id('fn'), { props: { FunctionName: `Charge${i}`, Timeout: 10 }, behavior: { failureRate: 0.1, latency: { distribution: 'lognormal', meanMs: 3_000, spreadMs: 300 } } })
      .edge('publish', id('shop'), id('bus'))
      .edge('busRule', id('bus'), id('rule'))
      .edge('ruleTarget', id('rule'), id('queue'))
      .edge('eventSourceMapping', id('queue'), id('fn'), { props: { BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] } });
  }
  const s = b.build({ durationMs: 3_600_000, eventBudget: 100_000_000 });
  s.name = 'Two hundred nodes';
  s.nodes.forEach((n, k) => (n.position = { x: (k % 5) * 260, y: Math.floor(k / 5) * 120 }));
  return s;
}

/** `preferred` if nothing listens there, else a port the system picks. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(null));
      srv.listen(port, '127.0.0.1', () => {
        const got = (srv.address() as { port: number }).port;
        srv.close(() => resolve(got));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0))!;
}

async function startPreview(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('vite preview did not start');
}

/** Zoom of the second measurement: counters legible, about 30 nodes in view. */
const ZOOMED = 0.8;

/** Zooms the canvas with the mouse wheel (as a user would) until its scale reaches `zoom`. */
async function zoomTo(page: Page, zoom: number): Promise<void> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  const scale = () => page.evaluate("Number(/scale\\(([\\d.]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform)?.[1] ?? 1)") as Promise<number>;
  for (let i = 0; i < 40 && (await scale()) < zoom; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(60);
  }
}

/** The fields of the app's simulation snapshot this bench reads. */
interface Snap {
  mode: string;
  ledger: { inFlight: number };
  nodes: Record<string, unknown>;
}

/** Benchmark entries `[name, value]`. */
export async function benchUi(): Promise<Array<[string, number]>> {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/ is missing: run \`npm run build\` first`);
  const port = await freePort(4373);
  const server = await startPreview(port);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    // The app opens its first document (the default example) by itself: wait for it, so it
    // cannot replace the one opened here.
    await page.waitForFunction('window.__evsim !== undefined && window.__evsim.scenario().nodes.length > 0');
    const opened = await page.evaluate(`window.__evsim.openScenario(${JSON.stringify(JSON.stringify(twoHundredNodeScenario()))})`);
    if (!opened) throw new Error('the 200-node scenario did not open');
    const snapshot = () => page.evaluate('window.__evsim.simulation()') as Promise<Snap | null>;
    const until = async (what: (s: Snap) => boolean, timeoutMs: number, why: string) => {
      for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await page.waitForTimeout(100)) {
        const s = await snapshot();
        if (s && what(s)) return s;
      }
      throw new Error(`timed out waiting for ${why}`);
    };
    await until((s) => Object.keys(s.nodes).length === 200, 30_000, 'the worker to load 200 nodes');
    await page.getByTestId('sim-speed').selectOption(String(SPEED));
    await page.getByTestId('sim-play').click();
    // Wait for the run to fill up, then let the page settle into its steady state.
    await until((s) => s.ledger.inFlight >= 1_000, 60_000, '1,000 messages in flight');
    await page.waitForTimeout(1_000);
    const inFlight = (await snapshot())!.ledger.inFlight;
    const measure = async () => (await page.evaluate(MEASURE_SCRIPT.replace('MEASURE_MS', String(MEASURE_MS)))) as { fps: number; longest: number };
    // The whole drawing (fit view: counters too small to read are not drawn) ...
    const overview = await measure();
    // ... and zoomed in to read them: counters, markers and tokens on the nodes in view.
    await zoomTo(page, ZOOMED);
    await page.waitForTimeout(500);
    const zoomed = await measure();
    const after = (await snapshot())!;
    if (after.mode !== 'playing') throw new Error(`the run stopped playing (${after.mode})`);
    const round = (x: number) => Math.round(x * 10) / 10;
    return [
      ['ui.fps', round(Math.min(overview.fps, zoomed.fps))],
      ['ui.longest_task_ms', Math.round(Math.max(overview.longest, zoomed.longest))],
      ['ui.fps_overview', round(overview.fps)],
      ['ui.fps_zoomed', round(zoomed.fps)],
      ['ui.in_flight', inFlight],
    ];
  } finally {
    await browser.close();
    server.kill();
  }
}

// `npx tsx bench/ui.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of await benchUi()) console.log(`${k}: ${v}`);
}
