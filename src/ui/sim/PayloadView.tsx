import { useState } from 'react';
import type { HopPayload } from '../../worker/protocolView';

/** Replaces JSON text inside string values (an SQS Body, an SNS Message) by what it encodes. */
export function decodeNested(value: unknown): unknown {
  if (typeof value === 'string') {
    const t = value.trim();
    if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
      try {
        return decodeNested(JSON.parse(t));
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(decodeNested);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeNested(v)]));
  return value;
}

/**
 * A payload exactly as the hop receives it (JSON-in-a-string included, as AWS sends it), with
 * a switch that decodes the nested JSON for reading, and a copy button.
 */
export function PayloadView({ payload, testId }: { payload: HopPayload; testId?: string }) {
  const [decoded, setDecoded] = useState(false);
  const text = decoded ? JSON.stringify(decodeNested(JSON.parse(payload.json)), null, 2) : payload.json;
  const nested = payload.json.includes('\\"');
  return (
    <div className="sim-payload" data-testid={testId}>
      <div className="sim-payload__head">
        <span className="sim-payload__title">{payload.title}</span>
        {nested && (
          <label title="Bodies and messages are JSON text inside JSON, as AWS delivers them; decoding shows what they hold.">
            <input type="checkbox" checked={decoded} onChange={(e) => setDecoded(e.target.checked)} /> decode bodies
          </label>
        )}
        <button type="button" onClick={() => void navigator.clipboard?.writeText(payload.json)} title="Copy this payload as JSON">
          Copy
        </button>
      </div>
      <pre className="sim-payload__json" tabIndex={0}>
        {text}
      </pre>
    </div>
  );
}
