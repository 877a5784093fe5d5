// Vitest setup: the scenario validator (Ajv) is loaded on demand, as the app and the CLI do at
// startup; tests restore scenarios synchronously, so it is loaded before any test runs.
import { loadValidator } from '../src/model/validator';

await loadValidator();
