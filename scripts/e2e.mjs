#!/usr/bin/env node
// Runs the Playwright suite in Debian's Chromium. Without a browser it fails with
// one line saying how to install it: the e2e suite is never skipped silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.KUMOZU_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}. Install it with "apt-get install -y chromium" (or set KUMOZU_CHROMIUM).`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
