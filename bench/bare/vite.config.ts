import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The bare React Flow page of `npm run bench`. It is built under
// node_modules/.cache, not next to its sources: ESLint (`eslint .`) would
// otherwise lint the minified bundle, and it already skips node_modules.
export const BARE_OUT_DIR = fileURLToPath(new URL('../../node_modules/.cache/kumozu-bench/bare', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: BARE_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
