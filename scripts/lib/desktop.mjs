// The desktop launcher of `npm start`: builds what is stale (the renderer into
// dist/renderer, main and preload into dist-main) and runs Electron on the
// project. scripts/start.mjs calls `desktopUnavailable()` first and serves the
// web edition instead when it returns a reason.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newestMtime, ROOT } from './webserver.mjs';

const RENDERER_OUT = join(ROOT, 'dist', 'renderer');
const RENDERER_SOURCES = ['renderer', 'app', 'assets', 'vite.config.ts', 'package.json'];

/**
 * Why the desktop app cannot open here, or null when it can. Checked before
 * building anything so the fallback is immediate.
 */
export function desktopUnavailable(bin, env = process.env, platform = process.platform) {
  if (env.KUMOZU_WEB === '1') return 'KUMOZU_WEB=1 asks for the web edition';
  if (!bin) return 'the Electron binary is not installed (npm downloads it during install, which needs internet access; with access, `node node_modules/electron/install.js` fetches it)';
  // Electron on Linux needs a display server; over SSH or in a container there is none.
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)';
  return null;
}

function run(label, args) {
  console.error(label);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${label.replace(/…$/, '')} failed (see above).`);
}

/** Builds the renderer (for file:// in Electron) and main/preload when their sources are newer than the build. */
export async function buildDesktop() {
  const index = join(RENDERER_OUT, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (Math.max(...RENDERER_SOURCES.map((s) => newestMtime(join(ROOT, s)))) >= built) {
    run('Building the renderer…', [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', RENDERER_OUT, '--emptyOutDir']);
  }
  const { mainIsStale, buildMain } = await import('../build-main.mjs');
  if (mainIsStale()) {
    console.error('Building the desktop shell…');
    await buildMain();
  }
}

/**
 * Builds what is stale and runs Electron on the project; resolves with
 * Electron's exit code. Arguments after `npm start --` are passed on (files to open).
 */
export async function launchDesktop(bin, args = process.argv.slice(2)) {
  await buildDesktop();
  console.log('Starting the Kumozu desktop app…');
  const env = { ...process.env };
  // Set by some shells and tools; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // npm runs scripts in the project folder; files are named relative to where the user typed the command.
  const userCwd = process.env.INIT_CWD ?? process.cwd();
  const files = args.map((a) => (a.startsWith('-') ? a : resolve(userCwd, a)));
  const child = spawn(bin, [ROOT, ...files], { cwd: ROOT, stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolvePromise) => {
    child.on('error', (e) => {
      console.error(`Could not start Electron (${e.message}).`);
      resolvePromise(1);
    });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}
