import { describe, expect, it } from 'vitest';
import { formatPatternError, parsePattern, type PatternError } from './index';

const errorsOf = (text: string, mode?: 'eventbridge' | 'sns-attributes' | 'sns-body'): PatternError[] => {
  const r = parsePattern(text, { mode });
  if (r.ok) throw new Error(`expected ${text} to be rejected`);
  return r.error;
};
const firstError = (text: string) => errorsOf(text)[0].message;

describe('parsePattern: positions', () => {
  it('points at the offending key with line and column', () => {
    const text = '{\n  "detail": {\n    "state": "running"\n  }\n}';
    const [e] = errorsOf(text);
    expect(e.message).toBe('"state" must be an object or an array');
    expect(e.path).toBe('detail.state');
    expect(e.range).toEqual({ offset: text.indexOf('"state"'), length: 7, line: 3, column: 5 });
  });

  it('points at the offending value inside a value list', () => {
    const text = '{"a": [1, {"prefix": 123}]}';
    const [e] = errorsOf(text);
    expect(e.message).toBe('prefix match pattern must be a string');
    expect(e.path).toBe('a[1].prefix');
    expect(text.slice(e.range!.offset, e.range!.offset + e.range!.length)).toBe('123');
  });

  it('reports independent errors in several fields, first one first', () => {
    const errs = errorsOf('{"a": "x", "b": [], "c": {"d": [{"exists": 1}]}}');
    expect(errs.map((e) => [e.path, e.message])).toEqual([
      ['a', '"a" must be an object or an array'],
      ['b', 'Empty arrays are not allowed'],
      ['c.d[0].exists', 'exists match pattern must be either true or false.'],
    ]);
  });

  it('places JSON syntax errors', () => {
    const [e] = errorsOf('{"a": ["x",]}');
    expect(e.message).toBe("Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    expect(e.range?.offset).toBe(11);
  });
});

describe('parsePattern: AWS reasons', () => {
  it.each([
    ['{}', 'Empty objects are not allowed'],
    ['{"a": {}}', 'Empty objects are not allowed'],
    ['[1]', 'Filter is not an object'],
    ['"x"', 'Filter is not an object'],
    ['{"a": [[1]]}', 'Match value must be String, number, true, false, or null'],
    ['{"a": [{}]}', 'Match expression name not found'],
    ['{"a": [{"prefix": "x", "suffix": "y"}]}', 'Only one key allowed in match expression'],
    ['{"a": [{"numeric": [">", 1], "x": 1}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"numeric": []}]}', 'Invalid member in numeric match: ]'],
    ['{"a": [{"numeric": [1]}]}', 'Invalid member in numeric match: 1'],
    ['{"a": [{"numeric": ["~", 1]}]}', 'Unrecognized numeric range operator: ~'],
    ['{"a": [{"numeric": ["=", "1"]}]}', 'Value of equals must be numeric'],
    ['{"a": [{"numeric": ["=", 1, 2]}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"numeric": [">", 1, 2]}]}', 'Bad value in numeric range: 2'],
    ['{"a": [{"numeric": [">", 1, "<", 2, 3]}]}', 'Too many terms in numeric range expression'],
    ['{"a": [{"numeric": [">", 5, "<", 1]}]}', 'Bottom must be less than top'],
    ['{"a": [{"numeric": [">", 5000000000]}]}', 'Bottom must be less than top'],
    ['{"a": [{"numeric": ["<", 5000000001]}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['{"a": [{"numeric": ["=", 1.0000001]}]}', 'Only values upto 6 decimals are supported'],
    ['{"a": [{"anything-but": [1, "x"]}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['{"a": [{"anything-but": []}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['{"a": [{"anything-but": 6000000000}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['{"a": [{"anything-but": {}}]}', 'Anything-But expression name not found'],
    ['{"a": [{"anything-but": {"numeric": [1]}}]}', 'Unsupported anything-but pattern: numeric'],
    ['{"a": [{"anything-but": {"prefix": "x", "suffix": "y"}}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"prefix": {}}]}', 'Prefix expression name not found'],
    ['{"a": [{"suffix": {"exactly": "x"}}]}', 'Unsupported suffix pattern: exactly'],
    ['{"a": [{"wildcard": "a\\\\b"}]}', 'Invalid escape character at pos 2'],
    ['{"a": [{"cidr": "10.0.0.0/"}]}', "Malformed CIDR, one '/' required"],
    ['{"a": [{"cidr": "10.0.0.0/-1"}]}', 'Malformed CIDR, mask bits must not be negative'],
    ['{"a": [{"cidr": "10.0.0.0/32"}]}', 'IPv4 mask bits must be < 32'],
    ['{"a": [{"cidr": "::/128"}]}', 'IPv6 mask bits must be < 128'],
    ['{"a": [{"cidr": "999.0.0.1/8"}]}', 'Invalid IP address: 999.0.0.1'],
    ['{"$or": {"a": ["x"]}}', 'It must be an Array followed with $or.'],
    ['{"$or": [{"a": ["x"]}, "b"]}', 'Only JSON object is allowed in array of $or relationship.'],
    ['{"$or": [{"numeric": ["x"]}, {"b": ["y"]}]}', 'numeric is Ruler reserved fieldName which cannot be used inside $or.'],
    ['{"a": ["x"]} x', "Unexpected character ('x' (code 120)): expected end of input after the pattern"],
    ['{"a": ["x"]', 'Unexpected end-of-input: expected close marker for Object'],
    ['{"a" ["x"]}', "Unexpected character ('[' (code 91)): was expecting a colon to separate field name and value"],
    ['{"a": ["x" "y"]}', "Unexpected character ('\"' (code 34)): was expecting comma to separate Array entries"],
    ['{"a": [01]}', 'Invalid numeric value: Leading zeroes not allowed'],
    ['{"a": ["\\x"]}', "Unrecognized character escape 'x' (code 120)"],
    ['', 'No content to map due to end-of-input'],
  ])('%s -> %s', (text, reason) => {
    expect(firstError(text)).toBe(reason);
  });

  it('limits EventBridge patterns to 2048 characters, unless told otherwise', () => {
    const long = `{"a": ["${'x'.repeat(2100)}"]}`;
    expect(firstError(long)).toMatch(/too long: 2111 characters, the limit is 2048/);
    expect(parsePattern(long, { maxLength: Infinity }).ok).toBe(true);
  });

  it('refuses too complex wildcards, as AWS does', () => {
    expect(firstError('{"a": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}')).toMatch(/^Rule is too complex/);
    expect(parsePattern('{"a": [{"wildcard": "arn:aws:events:us-east-1:*:event-bus/*"}]}').ok).toBe(true);
  });

  it('formats the first error like AWS', () => {
    const [e] = errorsOf('{"a": 1}');
    expect(formatPatternError(e)).toBe('Event pattern is not valid. Reason: "a" must be an object or an array');
    expect(formatPatternError(e, 'sns-body')).toBe('Invalid parameter: FilterPolicy: "a" must be an object or an array');
  });
});

describe('parsePattern: accepted forms', () => {
  it('accepts an object as well as text, and lists the fields read', () => {
    const r = parsePattern({ detail: { 'state.status': ['x'], n: [{ numeric: ['>', 0] }] }, source: ['y'] });
    expect(r.ok && r.value.fieldNames.sort()).toEqual(['detail.n', 'detail.state.status', 'source']);
  });

  it('keeps the last of a repeated key, even across nesting spellings', () => {
    const r = parsePattern('{"a": {"b": ["1"]}, "a.b": ["2"]}');
    expect(r.ok && r.value.ir.subRules[0].fields.map((f) => f.matchers)).toEqual([[{ op: 'exact-string', value: '2' }]]);
  });

  it('treats "$or" branch keys after the outer key as overriding it', () => {
    const r = parsePattern('{"a": ["1"], "$or": [{"a": ["2"]}, {"b": ["3"]}]}');
    expect(r.ok && r.value.ir.subRules.map((s) => s.fields.map((f) => `${f.name}=${JSON.stringify(f.matchers[0])}`))).toEqual([
      ['a={"op":"exact-string","value":"2"}'],
      ['a={"op":"exact-string","value":"1"}', 'b={"op":"exact-string","value":"3"}'],
    ]);
  });

  it('accepts "exactly" and empty value sets of anything-but prefix', () => {
    expect(parsePattern('{"a": [{"exactly": "x"}], "b": [{"anything-but": {"prefix": []}}]}').ok).toBe(true);
  });
});
