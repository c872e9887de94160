import { readFileSync } from 'node:fs';
import { renderMarkdown } from '../app/export/markdown';
import { parseDiagram } from '../app/format/parse';
import { checkDocument } from '../app/rules/engine';
import { expect, test } from '@playwright/test';

/**
 * The Markdown export's Mermaid flowchart must be accepted by Mermaid itself
 * (what GitHub runs). Mermaid needs a DOM, so its own parser runs here in Chromium.
 */
const diagrams = [
  'assets/examples/web-app.kumozu.json',
  'app/export/fixtures/platform.kumozu.json',
  'app/export/fixtures/japanese.kumozu.json',
  'app/export/fixtures/hostile.kumozu.json',
];

test('every Markdown export has a Mermaid block that Mermaid parses', async ({ page }) => {
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: 'node_modules/mermaid/dist/mermaid.min.js' });
  await page.evaluate(() => (window as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false }));
  const parse = (text: string) =>
    page.evaluate(async (t) => {
      try {
        await (window as unknown as { mermaid: { parse(x: string): Promise<unknown> } }).mermaid.parse(t);
        return 'ok';
      } catch (e) {
        return String(e instanceof Error ? e.message : e);
      }
    }, text);
  // A control: the parser really rejects a broken flowchart.
  expect(await parse('flowchart LR\n  a["unclosed] --> b\n')).not.toBe('ok');
  let checked = 0;
  for (const path of diagrams) {
    const parsed = parseDiagram(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(`${path} does not parse`);
    for (const lang of ['en', 'ja'] as const) {
      const md = renderMarkdown(parsed.document, { lang, findings: checkDocument(parsed.document, lang) });
      const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1];
      expect(block, `${path} (${lang}) has a Mermaid block`).toBeDefined();
      expect(await parse(block ?? ''), `${path} (${lang})`).toBe('ok');
      checked++;
    }
  }
  expect(checked).toBe(diagrams.length * 2);
});
