/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Host and ports are fixed so that `npm start`, Playwright and the bench all agree.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    // Monaco's lazily loaded chunk is ~4 MB; it never loads on first paint.
    chunkSizeWarningLimit: 5000,
    manifest: true,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.EVSIM_PORT ?? 4173), strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    // Loads the scenario validator (Ajv), which the app loads lazily at startup.
    setupFiles: ['scripts/vitest.setup.ts'],
  },
});
