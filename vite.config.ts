import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and runs unchanged in Electron (file://, hence the
// relative base) and in any browser as the web edition.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
});
