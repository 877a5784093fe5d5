// `npm test`: typecheck, lint, unit tests, build, then the browser tests in Debian's chromium.
// Every step runs even when an earlier one failed, so one run shows everything that is wrong;
// it ends with one plain line `N passed, M failed` that counts unit and browser tests together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'evsim-test-'));
const unitJson = join(dir, 'vitest.json');
const e2eJson = join(dir, 'playwright.json');
const failedSteps = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedSteps.push(name);
  return r.status === 0;
}

const npx = (bin, ...args) => ['npx', ['--no-install', bin, ...args]];
run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('lint', ...npx('eslint', '.', '--max-warnings=0'));
run('unit tests', ...npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`));
const built = run('build', 'npm', ['run', '--silent', 'build']);
const haveBrowser = run('chromium', 'sh', ['scripts/ensure-chromium.sh']);
if (built && haveBrowser) run('browser tests', ...npx('playwright', 'test'), { PW_JSON: e2eJson });
else failedSteps.push('browser tests (not run)');

let passed = 0;
let failed = 0;
if (existsSync(unitJson)) {
  const u = JSON.parse(readFileSync(unitJson, 'utf8'));
  passed += u.numPassedTests;
  failed += u.numFailedTests;
}
if (existsSync(e2eJson)) {
  const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
}
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
