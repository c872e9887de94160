import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { desktopUnavailable } from './lib/desktop.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('npm start: desktop app or web edition', () => {
  it('names why the desktop app cannot open, in one line', () => {
    const display = { DISPLAY: ':0' };
    expect(desktopUnavailable('/opt/electron', display, 'linux')).toBeNull();
    expect(desktopUnavailable('/opt/electron', {}, 'darwin')).toBeNull();
    expect(desktopUnavailable(null, display, 'linux')).toMatch(/Electron binary is not installed/);
    expect(desktopUnavailable('/opt/electron', {}, 'linux')).toMatch(/no display/);
    expect(desktopUnavailable('/opt/electron', { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(desktopUnavailable('/opt/electron', { ...display, KUMOZU_WEB: '1' }, 'linux')).toMatch(/KUMOZU_WEB/);
    expect(desktopUnavailable(null, { KUMOZU_WEB: '1' }, 'linux')).toMatch(/KUMOZU_WEB/);
    for (const env of [{}, display]) {
      const reason = desktopUnavailable(null, env, 'linux');
      expect(reason).not.toContain('\n');
    }
  });

  it(
    'without a usable Electron, says why in one line and serves the web edition at the printed URL',
    async () => {
      const port = 4590 + Math.floor(Math.random() * 9);
      const child = spawn(process.execPath, ['scripts/start.mjs'], {
        cwd: ROOT,
        // KUMOZU_WEB forces the fallback even where Electron is installed; a private build folder keeps parallel runs apart.
        env: { ...process.env, KUMOZU_WEB: '1', KUMOZU_PORT: String(port), KUMOZU_WEB_DIST: fileURLToPath(new URL('../test-results/start-test-dist', import.meta.url)) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => void (out += String(d)));
      try {
        await expect.poll(() => out, { timeout: 170_000, interval: 200 }).toContain(`http://127.0.0.1:${port}/`);
        const lines = out.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^No desktop app: KUMOZU_WEB=1 asks for the web edition\. Serving the web edition at http:\/\/127\.0\.0\.1:\d+\/ instead/);
        const page = await fetch(`http://127.0.0.1:${port}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
      } finally {
        child.kill('SIGTERM');
      }
    },
    180_000,
  );
});

describe('electron-builder.yml', () => {
  it('is valid for the pinned electron-builder, and packs only what the app runs', async () => {
    const require = createRequire(import.meta.url);
    const yaml = require('js-yaml') as { load(s: string): Record<string, unknown> };
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = yaml.load(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8'));
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nodeIntegration: true }, new DebugLogger(false))).rejects.toThrow(/unknown property/);
    expect(config.files).toEqual(['dist-main/**/*', 'dist/renderer/**/*', 'package.json', '!**/*.map', '!node_modules/**/*']);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-main/main.js');
    // Diagrams are ours; PNG/SVG only as a non-default "open with" where the platform has one.
    const mac = config.mac as { fileAssociations: { ext: string | string[]; rank: string }[] };
    expect(mac.fileAssociations.find((a) => Array.isArray(a.ext) && a.ext.includes('png'))?.rank).toBe('Alternate');
    const win = config.win as { fileAssociations: { ext: string }[] };
    expect(win.fileAssociations.map((a) => a.ext)).toEqual(['kumozu.json']);
    expect(existsSync(new URL('../assets/app-icon.svg', import.meta.url))).toBe(true);
    // The packaged binary cannot be turned into a Node runtime or a debug target.
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });
});
