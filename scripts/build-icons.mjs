#!/usr/bin/env node
// Renders the app icon (assets/app-icon.svg) to the PNGs electron-builder
// packages: build/icon.png (1024 px; electron-builder derives the macOS .icns
// and Windows .ico from it) and build/icons/<n>x<n>.png for Linux desktops.
// build/ is generated (gitignored); `npm run dist` runs this first.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

export function renderIcon(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

export function buildIcons(out = OUT) {
  const svg = readFileSync(join(ROOT, 'assets', 'app-icon.svg'));
  mkdirSync(join(out, 'icons'), { recursive: true });
  writeFileSync(join(out, 'icon.png'), renderIcon(svg, 1024));
  for (const size of LINUX_SIZES) writeFileSync(join(out, 'icons', `${size}x${size}.png`), renderIcon(svg, size));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildIcons();
  console.log(`Rendered build/icon.png and build/icons/{${LINUX_SIZES.join(',')}}px from assets/app-icon.svg`);
}
