// `npm run bench`: builds, then prints one `name: value` line per figure, all measured in this run.
import { execSync } from 'node:child_process';
import { benchBundle } from './bundle';
import { benchLinks } from './links';
import { benchEngine } from './engine';
import { benchPatterns } from './patterns';
import { benchUi } from './ui';

type Figures = Array<[string, number]>;
const print = (figs: Figures) => figs.forEach(([k, v]) => console.log(`${k}: ${v}`));

execSync('npx --no-install vite build --logLevel error', { stdio: 'inherit' });
print(benchBundle());
print(await benchLinks());
print(await benchPatterns());
print(await benchEngine());
print(await benchUi());
