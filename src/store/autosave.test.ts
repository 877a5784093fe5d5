// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, readSaved, startAutosave } from './autosave';
import { useScenarioStore } from './scenarioStore';
import { testScenario } from './testScenario';

const store = () => useScenarioStore.getState();

describe('autosave', () => {
  beforeEach(() => {
    localStorage.clear();
    store().reset(testScenario());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('writes the drawing shortly after a change, once per burst', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const stop = startAutosave(() => undefined, 400);
    store().edit({ type: 'renameNode', id: 'q', name: 'a' });
    store().edit({ type: 'renameNode', id: 'q', name: 'ab' });
    expect(readSaved()).toBeNull();
    vi.advanceTimersByTime(400);
    expect(JSON.parse(readSaved()!).nodes.find((n: { id: string }) => n.id === 'q').props.QueueName).toBe('ab');
    expect(setItem).toHaveBeenCalledTimes(1);
    stop();
    setItem.mockRestore();
  });

  it('writes at once when the page is hidden or closed', () => {
    const stop = startAutosave(() => undefined, 10_000);
    store().edit({ type: 'renameNode', id: 'q', name: 'closing' });
    dispatchEvent(new Event('pagehide'));
    expect(readSaved(AUTOSAVE_KEY)).toContain('closing');
    stop();
  });

  it('says once when the browser refuses to store', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const failures: string[] = [];
    const stop = startAutosave((why) => failures.push(why), 10);
    store().edit({ type: 'renameNode', id: 'q', name: 'x1' });
    vi.advanceTimersByTime(10);
    store().edit({ type: 'renameNode', id: 'q', name: 'x2' });
    vi.advanceTimersByTime(10);
    expect(failures).toHaveLength(1);
    stop();
    setItem.mockRestore();
  });
});
