#!/usr/bin/env node
// `npm start`: opens the desktop app where an Electron binary is available;
// otherwise says why in one line and serves the web edition instead, so the
// README's first command always starts something a person can use.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildIfStale, serveWebEdition } from './lib/webserver.mjs';

function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const dir = join(require.resolve('electron/package.json'), '..');
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const port = Number(process.env.KUMOZU_PORT ?? 4173);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`KUMOZU_PORT must be a port number (1-65535), got "${process.env.KUMOZU_PORT}".`);
  process.exit(2);
}

const bin = electronBinary();
const { desktopUnavailable, launchDesktop } = await import('./lib/desktop.mjs');
const reason = desktopUnavailable(bin);
if (reason === null) {
  try {
    process.exitCode = await launchDesktop(bin);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
} else {
  await buildIfStale();
  const server = await serveWebEdition(port);
  // One line: why there is no desktop window, and where the web edition is.
  console.log(`No desktop app: ${reason}. Serving the web edition at http://127.0.0.1:${port}/ instead (open it in your browser; Ctrl+C stops).`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
