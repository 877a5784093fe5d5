/**
 * Event-pattern benchmark on generated CityLots-shaped events (~700 bytes: a properties object
 * with ten fields and a polygon geometry) and generated rule sets of 5, 10 and 1,000 rules.
 * All figures are measured in the same run:
 *
 * - `patterns.json_events_per_s`: 5 rules, each event matched from its JSON text;
 * - `patterns.objects_events_per_s`: 5 rules, events already parsed;
 * - `patterns.rules_1000_vs_10_slowdown`: time per event with 1,000 rules over time with 10
 *   (parsed events, where the matcher's own cost is not hidden behind parsing);
 * - `patterns.json_parse_floor_events_per_s`: JSON.parse alone over the same texts.
 *
 * The machine may be shared, so each figure is the best of several short rounds, and rounds
 * of different figures are interleaved.
 */
import { cityLotLines, cityLotRules } from './fixtures/citylots';
import { compileRuleSet, type RuleSet } from '../src/engine/patterns/index';

const EVENTS = 4000;
const ROUND_MS = 120;
const ROUNDS = 10;

function ruleSet(n: number): RuleSet {
  const rs = compileRuleSet(cityLotRules(n).map((pattern, i) => ({ id: `r${i}`, pattern })));
  if (!rs.ok) throw new Error(`bench rules rejected: ${JSON.stringify(rs.error[0])}`);
  return rs.value;
}

/** Events per second of one round of `pass` (which handles `count` events per call). */
function round(pass: () => void, count: number): number {
  const start = performance.now();
  let passes = 0;
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    pass();
    passes++;
    elapsed = performance.now() - start;
  }
  return (passes * count) / (elapsed / 1000);
}

/** Best rate of each named pass over interleaved rounds. */
function measure(passes: Record<string, () => void>, count: number): Record<string, number> {
  const best: Record<string, number> = {};
  for (const f of Object.values(passes)) f(); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, f] of Object.entries(passes)) best[name] = Math.max(best[name] ?? 0, round(f, count));
  }
  return best;
}

/** Returns the four `patterns.*` figures. */
export async function benchPatterns(): Promise<Array<[string, number]>> {
  const lines = cityLotLines(EVENTS, 11);
  const objects = lines.map((l) => JSON.parse(l) as unknown);
  const five = ruleSet(5);
  const ten = ruleSet(10);
  const thousand = ruleSet(1000);
  let sink = 0; // keeps results alive so no work is optimised away
  const rates = measure(
    {
      parse: () => {
        for (const l of lines) sink += (JSON.parse(l) as { type?: string }).type === 'Feature' ? 1 : 0;
      },
      json5: () => {
        for (const l of lines) sink += five.matchJsonText(l).length;
      },
      objects5: () => {
        for (const o of objects) sink += five.match(o).length;
      },
      objects10: () => {
        for (const o of objects) sink += ten.match(o).length;
      },
      objects1000: () => {
        for (const o of objects) sink += thousand.match(o).length;
      },
    },
    EVENTS,
  );
  if (sink < 0) console.log(sink);
  return [
    ['patterns.json_events_per_s', Math.round(rates.json5)],
    ['patterns.objects_events_per_s', Math.round(rates.objects5)],
    ['patterns.rules_1000_vs_10_slowdown', Math.round((rates.objects10 / rates.objects1000) * 100) / 100],
    ['patterns.json_parse_floor_events_per_s', Math.round(rates.parse)],
  ];
}
