#!/usr/bin/env node
// Runs the Playwright suite in Debian's Chromium. Playwright never downloads a
// browser here. When Chromium is missing and this is a Debian machine where we
// may use apt (root), it installs Debian's packages first; otherwise it fails
// with one line saying how: the e2e suite is never skipped silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.KUMOZU_CHROMIUM ?? '/usr/bin/chromium';

function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

if (!existsSync(chromium)) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && !process.env.KUMOZU_CHROMIUM;
  if (canApt) {
    console.error('e2e: Chromium is missing; installing Debian\'s chromium and fonts-noto-cjk with apt-get…');
    if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'])) {
      console.error('e2e: apt-get could not install chromium; install it by hand ("apt-get install -y chromium") and rerun.');
      process.exit(1);
    }
  }
  if (!existsSync(chromium)) {
    console.error(`e2e: no Chromium at ${chromium}. Install it with "apt-get install -y chromium" (or set KUMOZU_CHROMIUM) and rerun.`);
    process.exit(1);
  }
}
const r = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
