/**
 * The event-pattern operators as the editor offers them: what to insert, one line for the
 * completion list, and the hover text. Wording follows the EventBridge and SNS guides.
 */
import type { PatternMode } from '../../worker/protocolPatterns';

/** One operator of an event pattern or filter policy. */
export interface OperatorDoc {
  name: string;
  /** Inserted as a key inside an operator object (snippet syntax). */
  keySnippet: string;
  /** Inserted as an element of a value list (snippet syntax). */
  valueSnippet: string;
  detail: string;
  /** Markdown for hover and completion details. */
  doc: string;
  /** Where it is accepted; absent: every mode. */
  modes?: readonly PatternMode[];
}

const EB: readonly PatternMode[] = ['eventbridge'];

/** Every operator, in the order the completion list shows them. */
export const OPERATORS: readonly OperatorDoc[] = [
  {
    name: 'prefix',
    keySnippet: '"prefix": "$1"',
    valueSnippet: '{"prefix": "$1"}',
    detail: 'starts with',
    doc: '**prefix** — matches string values that start with the given text. `{"prefix": "com.example."}`; case-insensitive with `{"prefix": {"equals-ignore-case": "EU-"}}`.',
  },
  {
    name: 'suffix',
    keySnippet: '"suffix": "$1"',
    valueSnippet: '{"suffix": "$1"}',
    detail: 'ends with',
    doc: '**suffix** — matches string values that end with the given text. `{"suffix": ".png"}`; case-insensitive with `{"suffix": {"equals-ignore-case": ".PNG"}}`.',
  },
  {
    name: 'anything-but',
    keySnippet: '"anything-but": ${1:"value"}',
    valueSnippet: '{"anything-but": ${1:"value"}}',
    detail: 'anything except',
    doc: '**anything-but** — matches any value except the given one(s): a string, a number, a list of either, or `{"prefix": …}`, `{"suffix": …}`, `{"equals-ignore-case": …}`, `{"wildcard": …}` (EventBridge). A missing field does not match.',
  },
  {
    name: 'numeric',
    keySnippet: '"numeric": [">", ${1:0}${2:, "<=", 100}]',
    valueSnippet: '{"numeric": [">", ${1:0}${2:, "<=", 100}]}',
    detail: 'number comparison',
    doc: '**numeric** — compares number values: `[">", 0, "<=", 5]`, `["=", 3.2]`. Operators `<`, `<=`, `=`, `>`, `>=`; at most one lower and one upper bound. EventBridge compares numbers between -5.0e9 and 5.0e9 with 6 decimal places (SNS: ±1e9, 5 decimals).',
  },
  {
    name: 'exists',
    keySnippet: '"exists": ${1|true,false|}',
    valueSnippet: '{"exists": ${1|true,false|}}',
    detail: 'field present or absent',
    doc: '**exists** — `true`: the field is present with a value (not an object or empty list); `false`: the field is absent. Only leaf values count.',
  },
  {
    name: 'equals-ignore-case',
    keySnippet: '"equals-ignore-case": "$1"',
    valueSnippet: '{"equals-ignore-case": "$1"}',
    detail: 'same text, any case',
    doc: '**equals-ignore-case** — matches a string value regardless of case. `{"equals-ignore-case": "alice"}` matches `"ALICE"` and `"Alice"`.',
  },
  {
    name: 'wildcard',
    keySnippet: '"wildcard": "$1"',
    valueSnippet: '{"wildcard": "$1"}',
    detail: '* matches any text',
    doc: '**wildcard** — `*` stands for any run of characters: `{"wildcard": "dir/*.png"}`. Escape a literal `*` as `\\\\*`. Patterns too complex to evaluate are refused. EventBridge only.',
    modes: EB,
  },
  {
    name: 'cidr',
    keySnippet: '"cidr": "${1:10.0.0.0/24}"',
    valueSnippet: '{"cidr": "${1:10.0.0.0/24}"}',
    detail: 'IP address in a range',
    doc: '**cidr** — matches IP address values (IPv4 or IPv6) inside a CIDR block: `{"cidr": "10.0.0.0/24"}`.',
  },
];

/** `$or`, the one operator that sits where field names go. */
export const OR_DOC: OperatorDoc = {
  name: '$or',
  keySnippet: '"\\$or": [{$1}, {$2}]',
  valueSnippet: '',
  detail: 'any of several patterns',
  doc: '**$or** — the event matches when any of the listed sub-patterns matches: `{"$or": [{"source": ["a"]}, {"detail-type": ["b"]}]}`. Not allowed inside a value list.',
};

/** Operators nested inside `anything-but`, `prefix` and `suffix`. */
export const NESTED: Record<string, readonly string[]> = {
  'anything-but': ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'],
  prefix: ['equals-ignore-case'],
  suffix: ['equals-ignore-case'],
};

/** The operators a mode accepts. */
export const operatorsFor = (mode: PatternMode): OperatorDoc[] => OPERATORS.filter((o) => !o.modes || o.modes.includes(mode));

/** The doc of an operator name (including `$or`), if it is one. */
export function operatorDoc(name: string): OperatorDoc | undefined {
  return name === '$or' ? OR_DOC : OPERATORS.find((o) => o.name === name);
}

/** Hover texts of the InputTemplate's predefined variables. */
export const PREDEFINED_DOCS: Record<string, string> = {
  'aws.events.rule-arn': 'The ARN of the rule that matched the event.',
  'aws.events.rule-name': 'The name of the rule that matched the event.',
  'aws.events.event.ingestion-time': 'When EventBridge received the event (ISO-8601).',
  'aws.events.event': 'The original event without `detail`, inserted as JSON (JSON templates only, as a value).',
  'aws.events.event.json': 'The whole original event, `detail` included, inserted as JSON (JSON templates only, as a value).',
};
