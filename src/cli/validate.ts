import { formatScenarioError, lintScenario, parseScenarioText } from '../model';
import type { CliIo } from './commands';

/**
 * `validate SCENARIO.json`: restores the file exactly as the app does, prints every error with
 * its JSON path (exit 2), else the lint findings (exit 1 on lint errors, 0 otherwise).
 */
export async function runValidate(argv: string[], io: CliIo): Promise<number> {
  const [file] = argv;
  if (!file || argv.length > 1) {
    io.err('Usage: validate SCENARIO.json');
    return 2;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    io.err(`Cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const restored = parseScenarioText(text);
  if (!restored.ok) {
    io.err(`${file} is not a valid scenario:`);
    for (const e of restored.error) io.err(`  ${formatScenarioError(e)}`);
    return 2;
  }
  const findings = lintScenario(restored.value);
  const s = restored.value;
  io.out(`${file}: valid scenario "${s.name}" (${s.nodes.length} nodes, ${s.edges.length} connections)`);
  for (const f of findings) io.out(`  ${f.severity}: ${f.path}: ${f.message}`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
