/** JSON.parse without exceptions: `ok` is false for malformed text. */
export function parseOrUndefined(text: string): { ok: boolean; value: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}
