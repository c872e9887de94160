// Lint rules, including the layer rules of design/architecture.md:
// app/ is framework-free (no React, Electron, DOM or node:*), and the renderer
// never reaches Node or Electron directly.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'zlib', 'stream', 'util', 'worker_threads', 'module'];

const appBoundary = {
  patterns: [
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*'], message: 'app/ is framework-free: React belongs in renderer/.' },
    { group: ['electron', 'electron/*'], message: 'app/ is framework-free: Electron belongs in main/.' },
    { group: ['node:*', ...nodeBuiltins], message: 'app/ runs everywhere: Node APIs belong in main/.' },
    { group: ['**/renderer/**', '**/main/**'], message: 'app/ is imported by the other layers, never the reverse.' },
  ],
};

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'location', 'fetch', 'XMLHttpRequest', 'DOMParser', 'Image']
  .map((name) => ({ name, message: 'app/ must not touch the DOM or the browser; pass what you need in.' }));

export default tseslint.config(
  { ignores: ['.dbg/**', 'dist/**', 'dist-main/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', appBoundary],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...nodeBuiltins], message: 'The renderer is sandboxed: it has no Node access.' },
            { group: ['electron', 'electron/*', '**/main/**'], message: 'The renderer talks to the desktop shell only through the preload API.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'main/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.{ts,mjs}', '*.config.{js,ts}', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
