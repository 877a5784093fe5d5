// Lint, including the one-way dependency rule of docs/architecture:
//   app -> ui -> store -> worker -> engine -> model -> shared ;  cli -> engine -> model -> shared
// Main-thread code (app, ui, store) may import engine *types* only, never values.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (name) => [`**/${name}`, `**/${name}/**`];
const forbid = (names, why) => names.map((n) => ({ group: layer(n), message: why }));
const UI_LIBS = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/react', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/react'];

/** Per-folder import bans; exported so the dependency-rule test can check the table itself. */
export const DEPENDENCY_RULES = {
  'src/shared': { layers: ['model', 'engine', 'worker', 'store', 'ui', 'app', 'cli'], libs: UI_LIBS },
  'src/model': { layers: ['engine', 'worker', 'store', 'ui', 'app', 'cli'], libs: UI_LIBS },
  'src/engine': { layers: ['worker', 'store', 'ui', 'app', 'cli'], libs: UI_LIBS },
  'src/worker': { layers: ['store', 'ui', 'app', 'cli'], libs: UI_LIBS },
  'src/cli': { layers: ['worker', 'store', 'ui', 'app'], libs: UI_LIBS },
  'src/store': { layers: ['ui', 'app', 'cli'], libs: [] },
  'src/ui': { layers: ['app', 'cli'], libs: [] },
};

const MAIN_THREAD = ['src/app/**', 'src/ui/**', 'src/store/**', 'src/main.tsx'];

function rulesFor(folder, { layers, libs }) {
  const patterns = [
    ...forbid(layers, `${folder} must not import this layer (see the dependency rule in src/README.md).`),
    ...libs.map((l) => ({ group: [l], message: `${folder} is pure: no UI libraries.` })),
  ];
  const mainThread = MAIN_THREAD.some((g) => g.startsWith(folder));
  if (mainThread) {
    patterns.push({
      group: layer('engine'),
      allowTypeImports: true,
      message: 'Main-thread code may only type-import the engine; reach it through the worker protocol.',
    });
  }
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...Object.entries(DEPENDENCY_RULES).map(([folder, spec]) => rulesFor(folder, spec)),
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: layer('cli'), message: 'The app never imports the CLI.' }, { group: layer('engine'), allowTypeImports: true, message: 'Main-thread code may only type-import the engine; reach it through the worker protocol.' }] }],
    },
  },
  {
    // The engine is pure: no wall clock, no unseeded randomness, no browser or Node globals.
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'postMessage', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'performance', 'process', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Time is injected: use SimTime.' }, { object: 'Math', property: 'random', message: 'Use a seeded RNG stream.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is injected: use SimTime.' }],
    },
  },
);
