import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64url, toBase64url } from './base64url';
import { findJsonSyntaxError, parseJson } from './jsonText';
import { quantity } from './quantities';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1,}', 1, 8, 'Expected a property name in double quotes'],
    ['{"a" 1}', 1, 6, "Expected ':' after the property name"],
    ['[1 2]', 1, 4, "Expected ',' or ']' after a list item"],
    ['{\n "a": [1,\n', 3, 1, 'Unexpected end of text: a list is not closed'],
    ['{"a": tru}', 1, 7, 'Unexpected character "t": expected a value'],
    ['{"a": "x\ny"}', 1, 7, 'Invalid or unterminated text in double quotes'],
    ['{} x', 1, 4, 'Unexpected text after the end of the JSON value'],
    ['', 1, 1, 'The text is empty'],
  ])('%j: line %i, column %i', (text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(valid);
      }),
    );
  });

  it('scans any depth without recursion', () => {
    expect(findJsonSyntaxError('['.repeat(200000) + ']'.repeat(200000))).toBeUndefined();
  });

  it('parseJson tolerates a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('base64url', () => {
  it('round-trips any bytes and matches the standard alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64url(toBase64url(bytes))).toEqual(bytes);
      }),
    );
    expect(toBase64url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });

  it('refuses foreign characters and impossible lengths', () => {
    expect(fromBase64url('ab+c')).toBeUndefined();
    expect(fromBase64url('abcde')).toBeUndefined();
  });
});

describe('quantity', () => {
  it('adds a readable equivalent', () => {
    expect(quantity(43200, 'seconds')).toBe('43200 seconds (12 hours)');
    expect(quantity(345600, 'seconds')).toBe('345600 seconds (4 days)');
    expect(quantity(1048576, 'bytes')).toBe('1048576 bytes (1 MiB)');
    expect(quantity(1, 'seconds')).toBe('1 second');
    expect(quantity(8760, 'hours')).toBe('8760 hours (365 days)');
    expect(quantity(0.5, 'probability')).toBe('0.5');
  });
});
