// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeShareLink } from '../../model/shareLink';
import { serializeScenario } from '../../model/restoreScenario';
import { useScenarioStore } from '../../store/scenarioStore';
import { testScenario } from '../../store/testScenario';
import { useUiStore } from '../../store/uiStore';
import { openScenarioText, openShareHash } from './openDocument';

const store = () => useScenarioStore.getState();
const notice = () => useUiStore.getState().notice;

describe('opening documents', () => {
  beforeEach(() => {
    store().reset(testScenario());
    useUiStore.getState().notify(null);
  });

  it('opens a valid file as an undoable step', () => {
    const other = { ...testScenario(), name: 'Other' };
    expect(openScenarioText(serializeScenario(other), 'the file "x.json"')).toBe(true);
    expect(store().scenario.name).toBe('Other');
    store().undo();
    expect(store().scenario.name).toBe('Test');
  });

  it('refuses hostile text with an error saying what is wrong, leaving the drawing as it was', () => {
    const before = store().scenario;
    const cases: Array<[string, RegExp]> = [
      ['\u0000\u00ff garbage', /not valid JSON/],
      ['['.repeat(3000) + ']'.repeat(3000), /nested too deeply/],
      [serializeScenario(testScenario()).replace('"format"', '"__proto__": {"x": 1}, "format"'), /__proto__/],
      [JSON.stringify({ format: 'something-else' }), /.+/],
    ];
    for (const [text, why] of cases) {
      expect(openScenarioText(text, 'The file "bad.json"')).toBe(false);
      expect(notice()).toMatchObject({ kind: 'error' });
      expect(notice()!.text).toMatch(/^The file "bad.json" could not be opened\./);
      expect(notice()!.text).toMatch(why);
      expect(notice()!.text).toMatch(/Your drawing was not changed\.$/);
      expect(store().scenario).toBe(before);
    }
  });

  it('opens a share link, and refuses a damaged one', async () => {
    const other = { ...testScenario(), name: 'Linked' };
    const hash = await encodeShareLink(other);
    expect(await openShareHash(hash, { undoable: true })).toBe(true);
    expect(store().scenario.name).toBe('Linked');
    const before = store().scenario;
    expect(await openShareHash(hash.slice(0, hash.length - 12), { undoable: true })).toBe(false);
    expect(notice()!.text).toMatch(/^The shared link could not be opened/);
    expect(store().scenario).toBe(before);
  });
});
