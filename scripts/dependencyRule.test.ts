// The dependency rule is a check that fails `npm test` when broken: these tests prove that the
// lint configuration really rejects each forbidden import and accepts the allowed ones.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const restricted = (msgs: string[]) => msgs.filter((m) => /no-restricted-(imports|globals|properties|syntax)/.test(m));

describe('dependency rule', () => {
  it.each([
    ['src/engine/kernel/x.ts', "import { useScenarioStore } from '../../store/scenarioStore';\nexport const a = useScenarioStore;\n"],
    ['src/engine/x.ts', "import { App } from '../app/App';\nexport const a = App;\n"],
    ['src/model/x.ts', "import { step } from '../engine/kernel/simulation';\nexport const a = step;\n"],
    ['src/model/x.ts', "import { create } from 'zustand';\nexport const a = create;\n"],
    ['src/shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['src/engine/x.ts', "import { ReactFlow } from '@xyflow/react';\nexport const a = ReactFlow;\n"],
    ['src/worker/x.ts', "import { FlowCanvas } from '../ui/canvas/FlowCanvas';\nexport const a = FlowCanvas;\n"],
    ['src/ui/x.ts', "import { parsePattern } from '../engine/patterns';\nexport const a = parsePattern;\n"],
    ['src/store/x.ts', "import { createSimulation } from '../engine/kernel/simulation';\nexport const a = createSimulation;\n"],
    ['src/app/x.ts', "import { createSimulation } from '../engine/kernel/simulation';\nexport const a = createSimulation;\n"],
    ['src/cli/x.ts', "import { FlowCanvas } from '../ui/canvas/FlowCanvas';\nexport const a = FlowCanvas;\n"],
  ])('rejects the forbidden import in %s', async (file, code) => {
    expect(restricted(await problems(file, code))).not.toEqual([]);
  });

  it.each([
    ['src/ui/x.ts', "import type { Trace } from '../engine/trace';\nexport type A = Trace;\n"],
    ['src/engine/x.ts', "import type { Scenario } from '../model/types';\nexport type A = Scenario;\n"],
    ['src/worker/x.ts', "import { createSimulation } from '../engine/kernel/simulation';\nexport const a = createSimulation;\n"],
    ['src/cli/x.ts', "import { createSimulation } from '../engine/kernel/simulation';\nexport const a = createSimulation;\n"],
    ['src/store/x.ts', "import { SimulationClient } from '../worker/simulationClient';\nexport const a = SimulationClient;\n"],
  ])('allows the permitted import in %s', async (file, code) => {
    expect(restricted(await problems(file, code))).toEqual([]);
  });

  it.each([
    ['Date.now', 'export const t = Date.now();\n'],
    ['Math.random', 'export const r = Math.random();\n'],
    ['new Date()', 'export const d = new Date();\n'],
    ['setTimeout', 'setTimeout(() => 0, 1);\n'],
  ])('keeps %s out of the engine', async (_name, code) => {
    expect(restricted(await problems('src/engine/kernel/x.ts', code))).not.toEqual([]);
  });
});
