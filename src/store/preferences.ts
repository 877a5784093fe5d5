// Small view preferences (theme, snapping) in localStorage. Storage can be missing or throw
// (private mode, quota, sandboxed iframes): a preference is a comfort, never an error.

const PREFIX = 'evsim.pref.';

/** Reads a saved preference, or null when absent or storage is unavailable. */
export function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

/** Saves a preference; silently does nothing when storage is unavailable. */
export function writePreference(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    // Ignored on purpose: see the file comment.
  }
}
