import { readFileSync } from 'node:fs';
import { extractFromPng, extractFromSvg } from '../app/export/embed';
import { test, expect } from './support/fixtures';
import type { Kumozu } from './support/kumozu';

const example = JSON.parse(readFileSync('assets/examples/web-app.kumozu.json', 'utf8'));

async function exportAs(k: Kumozu, button: 'export-png' | 'export-svg' | 'export-md', path: string): Promise<string> {
  const download = k.page.waitForEvent('download');
  await k.page.getByTestId(button).click();
  const file = await download;
  await file.saveAs(path);
  return file.suggestedFilename();
}

test('export PNG, SVG and Markdown from the dialog; the PNG reopens as the same diagram', async ({ k, page }, info) => {
  await k.open({ lang: 'en' });
  await k.load(example);
  await page.getByTestId('file-export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('export-scale').selectOption('1');
  await dialog.getByTestId('export-lang').selectOption('ja');

  const png = info.outputPath('web.png');
  expect(await exportAs(k, 'export-png', png)).toBe('Web application on EKS.png');
  const pngBytes = new Uint8Array(readFileSync(png));
  expect([...pngBytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect(JSON.parse(extractFromPng(pngBytes) ?? 'null')).toEqual({ ...example, version: 2, presentation: { steps: [] } });

  const svg = info.outputPath('web.svg');
  await exportAs(k, 'export-svg', svg);
  const svgText = readFileSync(svg, 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('パブリック');
  expect(JSON.parse(extractFromSvg(svgText) ?? 'null')).toEqual({ ...example, version: 2, presentation: { steps: [] } });

  const md = info.outputPath('web.md');
  await exportAs(k, 'export-md', md);
  expect(readFileSync(md, 'utf8')).toMatch(/^# Web application on EKS/);

  // The choices are remembered for the next export.
  await dialog.getByTestId('export-close').click();
  await page.getByTestId('file-export').click();
  await expect(page.getByTestId('export-lang')).toHaveValue('ja');
  await page.getByTestId('export-close').click();

  // Reopen the PNG.
  await page.getByTestId('file-new').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-open').click();
  await (await chooser).setFiles(png);
  await expect(k.node('mng')).toBeVisible();
  expect(await k.doc()).toEqual({ ...example, version: 2, presentation: { steps: [] } });
});

test('a PNG exported in the browser shows its Japanese labels', async ({ k, page }, info) => {
  await k.open({ lang: 'ja' });
  await k.load({
    format: 'kumozu.diagram',
    version: 1,
    meta: { title: '日本語', description: '', lang: 'ja' },
    nodes: [{ id: 'w', kind: 'workload', label: '決済サービス', parent: null, position: { x: 0, y: 0 }, props: {} }],
    edges: [],
    notes: [],
  });
  await page.getByTestId('file-export').click();
  await page.getByTestId('export-scale').selectOption('2');
  const png = info.outputPath('ja.png');
  await exportAs(k, 'export-png', png);
  // Decode in the page and count dark pixels in the label area (right of the icon).
  const ink = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(Math.round(img.width * 0.45), 0, Math.round(img.width * 0.5), img.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100 && (data[i + 1] ?? 255) < 100 && (data[i + 2] ?? 255) < 100) dark++;
    return { dark, width: img.width, height: img.height };
  }, readFileSync(png).toString('base64'));
  expect(ink.width).toBeGreaterThan(300);
  expect(ink.dark).toBeGreaterThan(50);
});
