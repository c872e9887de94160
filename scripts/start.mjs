#!/usr/bin/env node
// `npm start`: opens the desktop app where an Electron binary is available;
// otherwise says why in one line and serves the web edition instead, so the
// README's first command always starts something a person can use.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildIfStale, ROOT, serveWebEdition } from './lib/webserver.mjs';

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

const bin = electronBinary();
// The desktop launcher (build of main/ and preload, then Electron) arrives with the desktop issue.
const desktopReady = bin && existsSync(join(ROOT, 'scripts', 'lib', 'desktop.mjs'));
if (desktopReady) {
  const { launchDesktop } = await import('./lib/desktop.mjs');
  await launchDesktop(bin);
} else {
  const port = Number(process.env.KUMOZU_PORT ?? 4173);
  console.log(
    bin
      ? 'The desktop shell is not part of this build yet; serving the web edition instead.'
      : 'The Electron binary is not installed (it is downloaded on first launch, which needs internet access); serving the web edition instead.',
  );
  await buildIfStale();
  const server = await serveWebEdition(port);
  console.log(`Kumozu web edition: http://127.0.0.1:${port}/  (open it in your browser; Ctrl+C stops)`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
