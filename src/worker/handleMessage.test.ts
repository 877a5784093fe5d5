import { describe, expect, it } from 'vitest';
import { createSession, handleMessage } from './handleMessage';
import { PROTOCOL_VERSION } from './protocol';

describe('handleMessage', () => {
  it('answers hello with ready for our protocol version', () => {
    const s = createSession();
    expect(handleMessage(s, { type: 'hello', requestId: 1, protocolVersion: PROTOCOL_VERSION })).toEqual([
      { type: 'ready', requestId: 1, protocolVersion: PROTOCOL_VERSION, engine: 'evsim' },
    ]);
    expect(s.protocolVersion).toBe(PROTOCOL_VERSION);
  });
  it('answers incompatible for another version', () => {
    const [r] = handleMessage(createSession(), { type: 'hello', requestId: 2, protocolVersion: 999 });
    expect(r).toEqual({ type: 'incompatible', requestId: 2, expected: PROTOCOL_VERSION, got: 999 });
  });
  it('rejects malformed and unknown messages with an error', () => {
    expect(handleMessage(createSession(), 'junk')[0].type).toBe('error');
    expect(handleMessage(createSession(), { type: 'nope', requestId: 3 })[0]).toMatchObject({ type: 'error', requestId: 3 });
  });
});
