/**
 * Deterministic ids, ARNs and time formats for sample events. Nothing here reads a clock or a
 * random source: every id is an MD5 of a caller-given seed and a purpose label.
 */
import { base64Encode } from './encoding';
import { md5Hex } from './md5';

/** Ids derived from one seed; each purpose label gives its own stable value. */
export interface IdSource {
  /** `length` lower-case hex digits. */
  hex(purpose: string, length?: number): string;
  /** A UUID v4-formatted id (version and variant bits set). */
  uuid(purpose: string): string;
  /** `length` decimal digits, the first one non-zero. */
  digits(purpose: string, length: number): string;
  /** Standard base64 of `bytes` pseudo-random bytes (signatures, receipt handles). */
  base64(purpose: string, bytes: number): string;
}

/** An {@link IdSource} for a seed (any text). */
export function idSource(seed: string): IdSource {
  const hex = (purpose: string, length = 32): string => {
    let out = '';
    for (let i = 0; out.length < length; i++) out += md5Hex(`${seed}\u0000${purpose}\u0000${i}`);
    return out.slice(0, length);
  };
  return {
    hex,
    uuid(purpose) {
      const h = hex(purpose);
      const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    digits(purpose, length) {
      const d = [...hex(purpose, length)].map((c) => String(parseInt(c, 16) % 10)).join('');
      return (d[0] === '0' ? '1' : d[0]) + d.slice(1);
    },
    base64(purpose, bytes) {
      const h = hex(purpose, bytes * 2);
      return base64Encode(Uint8Array.from({ length: bytes }, (_, i) => parseInt(h.slice(i * 2, i * 2 + 2), 16)));
    },
  };
}

/** The ARN partition of a Region: `aws-cn`, `aws-us-gov` or `aws`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The service domain suffix of a Region (`amazonaws.com`, or `amazonaws.com.cn` in China). */
export function dnsSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` (region/account may be empty). */
export function arn(service: string, region: string, account: string, resource: string, partitionRegion = region): string {
  return `arn:${partitionOf(partitionRegion)}:${service}:${region}:${account}:${resource}`;
}

/** ISO-8601 UTC text to epoch ms; undefined unless it is a full date-time with `Z` or an offset. */
export function parseIsoTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** `2025-01-01T00:00:00Z`: EventBridge's second precision. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2025-01-01T00:00:00.000Z`: S3 `eventTime`, SNS `Timestamp`. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `09/Apr/2015:12:34:56 +0000`: API Gateway `requestTime`. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Whether text is an AWS Region code such as `us-east-1` or `us-gov-west-1`. */
export function isRegion(text: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(text);
}

/** Whether text is a 12-digit AWS account id. */
export function isAccount(text: string): boolean {
  return /^\d{12}$/.test(text);
}
