import { useEffect, useState } from 'react';
import type { LintFinding } from '../../model/lint';
import type { Scenario } from '../../model/types';
import { useScenarioStore } from '../../store/scenarioStore';

type Lint = (s: Scenario) => LintFinding[];

// The lint is loaded after first paint (it is not needed to draw), then memoised per document
// version: documents are immutable, so the canvas badges and the checks panel share one run.
let lint: Lint | null = null;
let loading: Promise<Lint> | null = null;
const cache = new WeakMap<Scenario, LintFinding[]>();
const NONE: LintFinding[] = [];

/** Loads the lint module once. */
export function loadLint(): Promise<Lint> {
  loading ??= import('../../model/lint').then((m) => (lint = m.lintScenario));
  return loading;
}

/** The lint findings of a scenario, memoised per document version; empty until the lint has loaded. */
export function lintOf(s: Scenario): LintFinding[] {
  if (!lint) return NONE;
  let found = cache.get(s);
  if (!found) {
    found = lint(s);
    cache.set(s, found);
  }
  return found;
}

/** The current scenario's lint findings, or null while the lint is still loading. */
export function useLint(): LintFinding[] | null {
  const [ready, setReady] = useState(lint !== null);
  useEffect(() => {
    if (!ready) void loadLint().then(() => setReady(true));
  }, [ready]);
  const findings = lintOf(useScenarioStore((s) => s.scenario));
  return ready ? findings : null;
}
