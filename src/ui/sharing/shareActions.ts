import { serializeScenario } from '../../model/restoreScenario';
import { encodeShareLink } from '../../model/shareLink';
import type { Scenario } from '../../model/types';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';

/** The full URL that opens `s`: this page with the scenario (and its seed) in the hash. */
export async function shareUrl(s: Scenario): Promise<string> {
  const hash = await encodeShareLink(s);
  return `${location.origin}${location.pathname}#${hash}`;
}

/** Builds the share link, copies it when the browser allows, and shows it in the share dialog. */
export async function shareCurrentScenario(): Promise<void> {
  const ui = useUiStore.getState();
  let link: string;
  try {
    link = await shareUrl(useScenarioStore.getState().scenario);
  } catch (e) {
    ui.notify({ kind: 'error', text: `No share link could be made: ${(e as Error).message}` });
    return;
  }
  const copied = await copyText(link);
  ui.openDialog({ type: 'share', link, copied });
}

/** Copies text to the clipboard; false when the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A file name from the scenario's name: "Order flow" -> "order-flow.evsim.json". */
export function fileNameFor(s: Scenario): string {
  const slug = s.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || 'scenario'}.evsim.json`;
}

/** Downloads the current scenario as a JSON file (the same format import reads). */
export function downloadCurrentScenario(): void {
  const s = useScenarioStore.getState().scenario;
  const blob = new Blob([serializeScenario(s)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(s);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
