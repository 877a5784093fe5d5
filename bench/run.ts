// `npm run bench`: builds, then prints one `name: value` line per figure, all measured in this run.
// Each section runs in a fresh Node process (as JMH forks a JVM per benchmark): the code and heap
// one section leaves behind (ajv's generated validators, the pattern corpus) must not tax the
// next one's figures. Ratios are still taken within one section, so within one process.
import { execFileSync, execSync } from 'node:child_process';

execSync('npx --no-install vite build --logLevel error', { stdio: 'inherit' });
// The names `bench/section.ts` knows, in this order.
for (const s of ['bundle', 'links', 'patterns', 'engine', 'ui']) execFileSync(process.execPath, ['--import', 'tsx', 'bench/section.ts', s], { stdio: 'inherit' });
