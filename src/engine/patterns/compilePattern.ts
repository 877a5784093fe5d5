// Turns a parsed pattern into sub-rules, the way AWS's rule compiler does: nested keys are
// joined with "." into field names, `$or` forks the rules built so far once per branch, and a
// field written twice in the same sub-rule keeps its last value list. Also keeps a tree of the
// pattern as written, for explanations.

import { ErrorSink, joinPath, type PatternError, type PatternMode } from './errors';
import type { JsonMember, JsonNode } from './jsonAst';
import type { Span } from './sourceRange';
import { compileValue } from './matchExpression';
import type { Matcher } from './matchers';
import { EVENTBRIDGE_NUMBERS, SNS_NUMBERS } from './numbers';
import { wildcardComplexity, WILDCARD_COMPLEXITY_LIMIT, type Wildcard } from './wildcard';

/** One field of a sub-rule: the leaf must match one matcher, or (if allowed) be absent. */
export interface FieldSpec {
  /** Flattened field name, e.g. `detail.state`. */
  name: string;
  matchers: Matcher[];
  /** The value list contains `{"exists": false}`. */
  allowAbsent: boolean;
  /** JSON path in the pattern text, for explanations. */
  jsonPath: string;
  keySpan: Span;
  valueSpan: Span;
}

/** A conjunction of fields (sorted by name) that AWS matches as one unit. */
export interface SubRule {
  fields: FieldSpec[];
  /** For each `$or` (by id), the branch this sub-rule took, or -1. */
  choices: number[];
}

/** The pattern as written: objects with fields and `$or` groups. */
export type PatternTree = { kind: 'and'; items: PatternTreeItem[] };
export type PatternTreeItem = { kind: 'field'; field: FieldSpec } | { kind: 'or'; id: number; jsonPath: string; branches: PatternTree[] };

export interface CompiledIR {
  subRules: SubRule[];
  tree: PatternTree;
  orCount: number;
}

/** Sub-rules beyond this are refused: nested `$or` multiplies them. */
export const MAX_SUB_RULES = 4096;

const RESERVED_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

type Rule = { fields: Map<string, FieldSpec>; choices: number[] };

class TooMany {}

/** Validates the root object and builds the sub-rules; errors go to the sink. */
export function compileRoot(root: JsonNode, mode: PatternMode, sink: ErrorSink): CompiledIR | null {
  if (root.kind !== 'object') {
    sink.add(mode === 'eventbridge' ? 'Filter is not an object' : 'Filter policy must be a JSON object', '', root.span);
    return null;
  }
  const c = new Compiler(mode, sink);
  const rules: Rule[] = [];
  const tree: PatternTree = { kind: 'and', items: [] };
  try {
    c.object(rules, [], root.members, root.span, false, '', tree, 0);
  } catch (e) {
    if (!(e instanceof TooMany)) throw e;
    sink.add(`Rule is too complex - its $or branches expand to more than ${MAX_SUB_RULES} combinations`, '', root.span);
  }
  if (sink.errors.length > 0) return null;
  const subRules = rules.map((r) => ({
    fields: [...r.fields.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    choices: Array.from({ length: c.orCount }, (_, i) => r.choices[i] ?? -1),
  }));
  checkWildcardComplexity(subRules, sink);
  if (sink.errors.length > 0) return null;
  return { subRules, tree, orCount: c.orCount };
}

class Compiler {
  orCount = 0;
  private readonly limits;
  constructor(readonly mode: PatternMode, readonly sink: ErrorSink) {
    this.limits = mode === 'eventbridge' ? EVENTBRIDGE_NUMBERS : SNS_NUMBERS;
  }

  object(rules: Rule[], names: string[], members: JsonMember[], span: Span, inOr: boolean, jsonPath: string, tree: PatternTree, depth: number): void {
    if (members.length === 0) {
      this.sink.add('Empty objects are not allowed', jsonPath, span);
      return;
    }
    for (const m of members) {
      const path = joinPath(jsonPath, m.key);
      if (m.key === '$or') {
        this.or(rules, names, m, jsonPath, tree, depth);
        continue;
      }
      if (inOr && RESERVED_IN_OR.has(m.key)) {
        this.sink.add(`${m.key} is Ruler reserved fieldName which cannot be used inside $or.`, path, m.keySpan);
        continue;
      }
      if (m.value.kind === 'object') {
        if (this.mode === 'sns-attributes') {
          this.sink.add('Filter policy scope MessageAttributes does not support nested filter policy', path, m.keySpan);
          continue;
        }
        this.object(rules, [...names, m.key], m.value.members, m.value.span, inOr, path, tree, depth + 1);
      } else if (m.value.kind === 'array') {
        this.field(rules, [...names, m.key].join('.'), m, path, tree);
      } else {
        this.sink.add(`"${m.key}" must be an object or an array`, path, m.keySpan);
      }
    }
  }

  private or(rules: Rule[], names: string[], m: JsonMember, jsonPath: string, tree: PatternTree, depth: number): void {
    const path = joinPath(jsonPath, '$or');
    const current = rules.map(copyRule);
    rules.length = 0;
    if (m.value.kind !== 'array') {
      this.sink.add('It must be an Array followed with $or.', path, m.keySpan);
      return;
    }
    const id = this.orCount++;
    const node: PatternTreeItem = { kind: 'or', id, jsonPath: path, branches: [] };
    tree.items.push(node);
    m.value.items.forEach((item, b) => {
      const bPath = `${path}[${b}]`;
      if (item.kind !== 'object') {
        this.sink.add('Only JSON object is allowed in array of $or relationship.', bPath, item.span);
        return;
      }
      const forked = current.length > 0 ? current.map(copyRule) : [{ fields: new Map(), choices: [] }];
      for (const r of forked) r.choices[id] = b;
      const branch: PatternTree = { kind: 'and', items: [] };
      node.branches.push(branch);
      this.object(forked, names, item.members, item.span, true, bPath, branch, depth);
      rules.push(...forked);
      if (rules.length > MAX_SUB_RULES) throw new TooMany();
    });
    if (m.value.items.length < 2) {
      this.sink.add('There must have at least 2 Objects in $or relationship.', path, m.value.span);
    }
  }

  private field(rules: Rule[], name: string, m: JsonMember, path: string, tree: PatternTree): void {
    const arr = m.value as Extract<JsonNode, { kind: 'array' }>;
    const matchers: Matcher[] = [];
    let allowAbsent = false;
    let failed = false;
    arr.items.forEach((item, i) => {
      if (failed) return;
      const r = compileValue(item, { sink: this.sink, limits: this.limits, mode: this.mode, path: `${path}[${i}]` });
      if (r === null) failed = true;
      else if (r === 'absent') allowAbsent = true;
      else matchers.push(r);
    });
    if (failed) return;
    if (arr.items.length === 0) {
      this.sink.add('Empty arrays are not allowed', path, arr.span);
      return;
    }
    const spec: FieldSpec = { name, matchers, allowAbsent, jsonPath: path, keySpan: m.keySpan, valueSpan: arr.span };
    tree.items.push({ kind: 'field', field: spec });
    if (rules.length === 0) rules.push({ fields: new Map(), choices: [] });
    for (const r of rules) {
      r.fields.delete(name); // the last occurrence wins, and takes the last place
      r.fields.set(name, spec);
    }
  }
}

const copyRule = (r: Rule): Rule => ({ fields: new Map(r.fields), choices: r.choices.slice() });

function checkWildcardComplexity(subRules: SubRule[], sink: ErrorSink): void {
  const byName = new Map<string, { specs: Set<FieldSpec>; wildcards: Map<string, Wildcard> }>();
  for (const sr of subRules) {
    for (const f of sr.fields) {
      for (const m of f.matchers) {
        if (m.op !== 'wildcard') continue;
        let e = byName.get(f.name);
        if (!e) byName.set(f.name, (e = { specs: new Set(), wildcards: new Map() }));
        e.specs.add(f);
        e.wildcards.set(m.value, m.wildcard);
      }
    }
  }
  for (const e of byName.values()) {
    if (wildcardComplexity([...e.wildcards.values()]) > WILDCARD_COMPLEXITY_LIMIT) {
      const spec = [...e.specs][0];
      sink.add(
        'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
        spec.jsonPath,
        spec.valueSpan,
      );
    }
  }
}

export type { PatternError };
