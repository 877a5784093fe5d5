// IP addresses and CIDR blocks, as event-ruler's CIDR class sees them: an address is reduced to
// a fixed-width upper-case hex string (8 digits for IPv4, 32 for IPv6), so a block is a string
// range and comparisons are plain string comparisons.

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

/** An inclusive range of addresses of one family. */
export interface IpRange {
  low: string;
  high: string;
}

/** True when the text has the shape event-ruler treats as an IP literal. */
export function looksLikeIp(s: string): boolean {
  return IPV4_SHAPE.test(s) || IPV6_SHAPE.test(s);
}

/** Hex form of an IP literal, or null when the text is not a valid address. */
export function ipToHex(s: string): string | null {
  if (s.length > 45) return null;
  if (IPV4_SHAPE.test(s)) return ipv4ToHex(s);
  if (IPV6_SHAPE.test(s)) return ipv6ToHex(s);
  return null;
}

function ipv4ToHex(s: string): string | null {
  const parts = s.split('.');
  let out = '';
  for (const p of parts) {
    // Java rejects ambiguous literals with leading zeros (they could be read as octal).
    if (p.length > 3 || (p.length > 1 && p[0] === '0')) return null;
    const n = Number(p);
    if (n > 255) return null;
    out += hex2(n);
  }
  return out;
}

function ipv6ToHex(s: string): string | null {
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (g.length === 0 || g.length > 4) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return null;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return null;
    groups = head;
  }
  // Java's InetAddress turns an IPv4-mapped IPv6 address (::ffff:a.b.c.d) into IPv4.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return hex4(groups[6]) + hex4(groups[7]);
  }
  return groups.map(hex4).join('');
}

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** Parses `ip/maskbits`; returns the range or AWS's reason for rejecting it. */
export function parseCidr(text: string): { ok: true; range: IpRange } | { ok: false; reason: string } {
  // Java's String.split drops trailing empty strings, so "a/" has one part.
  const parts = text.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) return { ok: false, reason: "Malformed CIDR, one '/' required" };
  if (!/^[+-]?[0-9]{1,10}$/.test(parts[1]) || Math.abs(Number(parts[1])) > 2147483647) {
    return { ok: false, reason: 'Malformed CIDR, mask bits must be an integer' };
  }
  const bits = Number(parts[1]);
  if (bits < 0) return { ok: false, reason: 'Malformed CIDR, mask bits must not be negative' };
  const ip = parts[0];
  if (!looksLikeIp(ip)) return { ok: false, reason: `Nonstandard IP address: ${ip}` };
  const hex = ipToHex(ip);
  if (hex === null) return { ok: false, reason: `Invalid IP address: ${ip}` };
  if (hex.length === 8 && bits > 31) return { ok: false, reason: 'IPv4 mask bits must be < 32' };
  if (hex.length === 32 && bits > 127) return { ok: false, reason: 'IPv6 mask bits must be < 128' };
  // event-ruler keeps the address as written for the bottom of the range (host bits are not
  // cleared) and sets the host bits for the top.
  return { ok: true, range: { low: hex, high: setHostBits(hex, bits) } };
}

function setHostBits(hex: string, maskBits: number): string {
  const totalBits = hex.length * 4;
  let out = '';
  for (let i = 0; i < hex.length; i++) {
    const nibble = parseInt(hex[i], 16);
    const firstBit = i * 4;
    let v = nibble;
    for (let b = 0; b < 4; b++) {
      if (firstBit + b >= maskBits && firstBit + b < totalBits) v |= 8 >> b;
    }
    out += v.toString(16).toUpperCase();
  }
  return out;
}

/** True when the address (hex form) lies in the range; families must agree. */
export function inIpRange(hex: string, r: IpRange): boolean {
  return hex.length === r.low.length && hex >= r.low && hex <= r.high;
}
