import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, base64FromText, textFromBase64, utf8Decode, utf8Encode } from './encoding';
import { idSource, isoSeconds, clfTime, parseIsoTime, partitionOf } from './ids';
import { md5Bytes, md5Hex } from './md5';
import { md5OfMessageAttributes } from './sqs';

describe('UTF-8 and base64 (pure, no Buffer/btoa in the code under test)', () => {
  it('utf8Encode matches Node for any string, and decodes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const bytes = utf8Encode(s);
        expect(Buffer.from(bytes).equals(Buffer.from(s, 'utf8'))).toBe(true);
        expect(utf8Decode(bytes)).toBe(s);
      }),
    );
  });

  it('a lone surrogate encodes as U+FFFD, like TextEncoder', () => {
    expect([...utf8Encode('a\ud800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect(utf8Decode(Uint8Array.from([0xc3]))).toBe('\ufffd');
    expect(utf8Decode(Uint8Array.from([0xc0, 0x80]))).toBe('\ufffd\ufffd');
  });

  it('base64Encode matches Node for any bytes, and base64Decode inverts it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const b64 = base64Encode(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect([...(base64Decode(b64) ?? [])]).toEqual([...bytes]);
      }),
    );
  });

  it('text round-trips through base64, and bad base64 is refused', () => {
    expect(base64FromText('{"a":"é"}')).toBe(Buffer.from('{"a":"é"}').toString('base64'));
    expect(textFromBase64(base64FromText('héllo 😀'))).toBe('héllo 😀');
    expect(base64Decode('ab$c')).toBeUndefined();
    expect(base64Decode('abcde')).toBeUndefined();
    expect(base64Decode('ab=')).toBeUndefined();
  });
});

describe('MD5', () => {
  it('matches RFC 1321 vectors and Node for any text', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('1')).toBe('c4ca4238a0b923820dcc509a6f75849b'); // the first eventID of sam's dynamodb sample
    expect(md5Hex('The quick brown fox jumps over the lazy dog')).toBe('9e107d9d372bb6826bd81d3542a419d6');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(md5Hex(s)).toBe(createHash('md5').update(s, 'utf8').digest('hex'));
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(md5Bytes(b)).toBe(createHash('md5').update(b).digest('hex'));
      }),
    );
  });

  it('md5OfMessageAttributes matches SQS for published vectors', () => {
    expect(md5OfMessageAttributes({ SellerName: { DataType: 'String', StringValue: 'Example Store' } })).toBe('cd28f3b68aeee4b2eac9c66f2f694b58');
    expect(
      md5OfMessageAttributes({
        SellerName: { DataType: 'String', StringValue: 'Example Store' },
        Region: { DataType: 'String', StringValue: 'WA' },
        City: { DataType: 'String', StringValue: 'Any City' },
        PostalCode: { DataType: 'String', StringValue: '99065' },
      }),
    ).toBe('66d793da93becb551e41562575418975');
  });
});

describe('deterministic ids and time formats', () => {
  it('ids depend only on seed and purpose', () => {
    const a = idSource('s');
    expect(a.uuid('x')).toBe(idSource('s').uuid('x'));
    expect(a.uuid('x')).not.toBe(a.uuid('y'));
    expect(a.uuid('x')).not.toBe(idSource('t').uuid('x'));
    expect(a.uuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.hex('h', 70)).toMatch(/^[0-9a-f]{70}$/);
    expect(a.digits('d', 56)).toMatch(/^[1-9]\d{55}$/);
    expect(Buffer.from(a.base64('b', 256), 'base64')).toHaveLength(256);
  });

  it('formats times as each service does', () => {
    const t = parseIsoTime('2015-04-09T12:34:56.789Z') as number;
    expect(isoSeconds(t)).toBe('2015-04-09T12:34:56Z');
    expect(clfTime(t)).toBe('09/Apr/2015:12:34:56 +0000');
    expect(parseIsoTime('2015-04-09')).toBeUndefined();
    expect(parseIsoTime('yesterday')).toBeUndefined();
    expect(parseIsoTime('2015-04-09T14:34:56+02:00')).toBe(Date.UTC(2015, 3, 9, 12, 34, 56));
    expect([partitionOf('us-east-1'), partitionOf('cn-north-1'), partitionOf('us-gov-west-1')]).toEqual(['aws', 'aws-cn', 'aws-us-gov']);
  });
});
