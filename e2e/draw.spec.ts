import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures/test';
import { drawScenario, normalise } from './fixtures/drawScenario';
import type { ScenarioDoc } from './fixtures/appPage';

const example = JSON.parse(readFileSync('public/examples/order-flow.json', 'utf8')) as ScenarioDoc;

test.describe('drawing from an empty canvas', () => {
  test('the default example drawn with the UI alone is the built-in one', async ({ app, consoleErrors }) => {
    test.setTimeout(120_000);
    await app.open();
    // The built-in example as the app restores it (every default filled in).
    const builtIn = await app.scenario();
    expect(builtIn.name).toBe(example.name);
    await drawScenario(app, example);
    const drawn = await app.scenario();
    // Identical on everything a user sets: name, description, settings, kinds, AWS names,
    // every prop and behaviour, every connection (kind, ends, props, behaviour, even the
    // connection ids, as they are drawn in the same order); only node ids and positions differ.
    expect(normalise(drawn)).toEqual(normalise(builtIn));
    await expect(app.canvas.nodes).toHaveCount(example.nodes.length);
    await expect(app.canvas.edges).toHaveCount(example.edges.length);
    await app.screenshot('drawn-order-flow');
    expect(consoleErrors).toEqual([]);
  });
});
