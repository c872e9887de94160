import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getConnectionKind } from '../catalog/connections';
import { parseDiagram } from '../format/parse';
import { serializeDiagram } from '../format/serialize';
import { doc as makeDoc, edge, node, withLabel } from '../model/testing';
import type { DiagramDocument, Lang } from '../model/types';
import type { Finding } from '../rules/types';
import { TITLE_BAR_HIT } from './edges';
import { layoutDiagram } from './layout';
import { renderSvg, renderSvgParts, svgSize, type SvgOptions } from './svg';
import type { ThemeName } from './theme';
import { allElements, checkXml, type XmlElement } from './testing/xml-check';
import { displayText } from './xml';
import { PLATFORM_FINDINGS } from './testing/cases';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

async function loadFixture(path: string): Promise<DiagramDocument> {
  const r = parseDiagram(await readFile(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.error.reason}`);
  return r.document;
}

/**
 * The snapshot cases: fixture, language, theme (checked-in files under __snapshots__, so byte changes show in review).
 * fixtures/web-app.kumozu.json is a frozen copy of assets/examples/web-app.kumozu.json, so that editing the
 * shipped example does not churn these snapshots; the live example is checked below without a snapshot.
 */
const SVG_CASES: readonly { name: string; file: string; lang: Lang; theme: ThemeName; findings?: readonly Finding[] }[] = [
  { name: 'web-app.light.en', file: './fixtures/web-app.kumozu.json', lang: 'en', theme: 'light' },
  { name: 'web-app.dark.ja', file: './fixtures/web-app.kumozu.json', lang: 'ja', theme: 'dark' },
  { name: 'platform.light.en', file: './fixtures/platform.kumozu.json', lang: 'en', theme: 'light', findings: PLATFORM_FINDINGS },
  { name: 'japanese.dark.ja', file: './fixtures/japanese.kumozu.json', lang: 'ja', theme: 'dark' },
  { name: 'hostile.light.en', file: './fixtures/hostile.kumozu.json', lang: 'en', theme: 'light' },
];

function texts(root: XmlElement | null, name: string): string[] {
  return allElements(root)
    .filter((e) => e.name === name)
    .map((e) => e.text);
}

describe('renderSvg snapshots', () => {
  for (const c of SVG_CASES) {
    it(`${c.name} matches __snapshots__/${c.name}.svg`, async () => {
      const svg = renderSvg(await loadFixture(here(c.file)), { lang: c.lang, theme: c.theme, findings: c.findings ?? [] });
      await expect(svg).toMatchFileSnapshot(`./__snapshots__/${c.name}.svg`);
    });
  }
});

describe('renderSvg', () => {
  it('is deterministic: same document, same bytes; a copy renders identically', async () => {
    const doc = await loadFixture(here('./fixtures/platform.kumozu.json'));
    const options: SvgOptions = { lang: 'en', theme: 'light', findings: PLATFORM_FINDINGS };
    const first = renderSvg(doc, options);
    expect(renderSvg(doc, options)).toBe(first);
    expect(renderSvg(structuredClone(doc), { ...options, findings: [...PLATFORM_FINDINGS] })).toBe(first);
    // Fixed number formatting: no exponents, at most two decimals.
    for (const m of first.matchAll(/ (?:x|y|x1|y1|x2|y2|width|height|cx|cy|r)="([^"]*)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d{1,2})?$/);
  });

  it('is well-formed XML, with only real text (no foreignObject), for every fixture in both themes', async () => {
    const live = { name: 'assets/examples', file: '../../assets/examples/web-app.kumozu.json', lang: 'en' as const, findings: [] };
    for (const c of [...SVG_CASES, live]) {
      for (const theme of ['light', 'dark'] as const) {
        const svg = renderSvg(await loadFixture(here(c.file)), { lang: c.lang, theme, findings: c.findings ?? [] });
        const { errors, root } = checkXml(svg);
        expect(errors, `${c.name} ${theme}`).toEqual([]);
        expect(root?.name).toBe('svg');
        // Checked on the parsed elements: the embedded JSON may legitimately hold "<script>" inside CDATA.
        const names = new Set(allElements(root).map((e) => e.name));
        for (const banned of ['foreignObject', 'script', 'image', 'iframe', 'a']) expect(names.has(banned), `${c.name}: <${banned}>`).toBe(false);
        for (const e of allElements(root)) for (const [k, v] of e.attrs) expect(`${k}=${v}`).not.toMatch(/^on|javascript:/i);
      }
    }
  });

  it('gives every id a content-derived prefix, defines each once and references only defined ones', async () => {
    const a = renderSvg(await loadFixture(here('./fixtures/platform.kumozu.json')), { lang: 'en', theme: 'light' });
    const b = renderSvg(await loadFixture(here('./fixtures/japanese.kumozu.json')), { lang: 'ja', theme: 'light' });
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? '');
    const idsA = ids(a);
    expect(new Set(idsA).size).toBe(idsA.length);
    const prefix = idsA[0]?.split('-')[0] ?? '';
    expect(prefix).toMatch(/^kz[0-9a-f]{8}$/);
    for (const id of idsA) expect(id.startsWith(`${prefix}-`)).toBe(true);
    // Two exports inlined into one page never share an id.
    expect(ids(b).filter((id) => idsA.includes(id))).toEqual([]);
    const refs = [...a.matchAll(/(?:url\(#|href="#)([^")]+)/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(idsA).toContain(r);
  });

  it('is as large as the drawing plus a margin, whatever the viewport', async () => {
    const doc = await loadFixture(here('./fixtures/japanese.kumozu.json'));
    const svg = renderSvg(doc, { lang: 'ja', theme: 'light' });
    const { width, height } = svgSize(doc, { lang: 'ja' });
    expect(svg).toContain(` width="${width}" height="${height}" viewBox="-24 -24 ${width} ${height}"`);
    // The VPC reaches x = 880; the note at y = 240 holds two lines.
    expect(width).toBe(880 + 48);
    expect(Number.isInteger(height)).toBe(true);
  });

  it('carries the document in <metadata> only when asked to', async () => {
    const doc = await loadFixture(here('./fixtures/japanese.kumozu.json'));
    const withMeta = renderSvg(doc, { lang: 'ja', theme: 'light' });
    const { root } = checkXml(withMeta);
    const meta = allElements(root).find((e) => e.name === 'kumozu:diagram');
    expect(meta?.attrs.get('xmlns:kumozu')).toBe('https://kumozu.dev/ns/1');
    expect(meta?.text).toBe(serializeDiagram(doc));
    const without = renderSvg(doc, { lang: 'ja', theme: 'light', embed: false });
    expect(without).not.toContain('<metadata');
    expect(without).not.toContain('kumozu.dev');
  });

  it('embeds the font for browsers only when its data is given, and never lets it out of the rule', async () => {
    const doc = makeDoc([node('w', 'workload')]);
    const plain = renderSvg(doc, { lang: 'en', theme: 'light' });
    expect(plain).not.toContain('<style');
    expect(plain).toContain(`font-family="'Noto Sans CJK JP', `);
    const embedded = renderSvg(doc, { lang: 'en', theme: 'light', font: { family: 'Kumozu Sans', dataBase64: 'AAEAAA==' } });
    expect(embedded).toContain("<style>@font-face{font-family:'Kumozu Sans';src:url(data:font/otf;base64,AAEAAA==) format('opentype');}</style>");
    expect(embedded).toContain(`font-family="'Kumozu Sans', 'Noto Sans CJK JP', `);
    const hostile = renderSvg(doc, { lang: 'en', theme: 'light', font: { family: "x'}</style><script>", dataBase64: 'AA==)}</style><script>alert(1)</script>' } });
    expect(hostile).not.toContain('<style');
    expect(hostile).not.toContain('<script');
    expect(checkXml(hostile).errors).toEqual([]);
  });

  it('escapes hostile labels: every text shows the label as written, minus controls and bidi overrides', async () => {
    const doc = await loadFixture(here('./fixtures/hostile.kumozu.json'));
    const svg = renderSvg(doc, { lang: 'en', theme: 'dark' });
    const { errors, root } = checkXml(svg);
    expect(errors).toEqual([]);
    const drawn = texts(root, 'text');
    // eslint-disable-next-line no-control-regex -- asserting their absence
    for (const t of drawn) expect(t).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/);
    // Labels survive escaping literally (shown truncated on the cards, so compare prefixes).
    const label = (id: string) => displayText(doc.nodes.find((n) => n.id === id)?.label ?? '');
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'h']) {
      const full = label(id);
      expect(
        drawn.some((t) => t === full || (t.endsWith('…') && full.startsWith(t.slice(0, -1)))),
        `label of ${id}`,
      ).toBe(true);
    }
    expect(drawn).toContain('<label> & "edge" ]]>');
    expect(drawn).toContain('x</kumozu:diagram>y');
    expect(texts(root, 'title')[0]).toBe(doc.meta.title);
    // Only our own elements exist: the labels added none.
    const names = new Set(allElements(root).map((e) => e.name));
    expect([...names].sort()).toEqual(['circle', 'defs', 'desc', 'g', 'kumozu:diagram', 'line', 'marker', 'metadata', 'path', 'rect', 'svg', 'symbol', 'text', 'title', 'use'].filter((n) => names.has(n)).sort());
    expect(names.has('script')).toBe(false);
    // The embedded document is the file, byte for byte.
    expect(allElements(root).find((e) => e.name === 'kumozu:diagram')?.text.replace(/\\uffff/g, '\uffff').replace(/\\ufffe/g, '\ufffe')).toBe(serializeDiagram(doc));
  });

  it('draws public subnets green and private ones blue, unknown kinds grey and dashed', () => {
    const doc = makeDoc([
      node('vpc', 'vpc'),
      { ...node('pub', 'subnet', 'vpc', { tier: 'public' }), position: { x: 20, y: 40 } },
      { ...node('priv', 'subnet', 'vpc', { tier: 'private' }), position: { x: 500, y: 40 } },
      { ...node('u', 'quantumRouter'), position: { x: 1200, y: 0 }, size: { width: 320, height: 72 } },
    ]);
    const svg = renderSvg(doc, { lang: 'en', theme: 'light' });
    expect(svg).toContain('fill="#e8f5e9" stroke="#2e7d32"');
    expect(svg).toContain('fill="#e3f2fd" stroke="#1565c0"');
    expect(svg).toContain('>PUBLIC</text>');
    expect(svg).toContain('>PRIVATE</text>');
    expect(svg).toMatch(/stroke-dasharray="4 3"/);
    expect(svg).toContain('>Unknown component: quantumRouter</text>');
    const ja = renderSvg(doc, { lang: 'ja', theme: 'dark' });
    expect(ja).toContain('>パブリック</text>');
    expect(ja).toContain('>不明なコンポーネント: quantumRouter</text>');
    expect(ja).toContain('fill="#2e7d32" fill-opacity="0.16" stroke="#66bb6a"');
  });

  it('draws connections border to border with their kind’s style, arrowheads and labels', () => {
    const doc = makeDoc(
      [
        { ...node('svc', 'k8sService'), position: { x: 0, y: 0 } },
        { ...node('wl', 'workload'), position: { x: 400, y: 0 } },
        { ...node('role', 'iamRole'), position: { x: 400, y: 300 } },
      ],
      [edge('s', 'selects', 'svc', 'wl'), edge('a', 'assumes', 'wl', 'role'), edge('bad', 'mounts', 'svc', 'role')],
    );
    const layout = layoutDiagram(doc, 'en');
    const selects = layout.edges.find((e) => e.edge.id === 's');
    // Both leaves are 160 × 72 side by side: the line joins the facing borders at mid-height.
    expect(selects?.from).toEqual({ x: 160, y: 36 });
    expect(selects?.to).toEqual({ x: 400, y: 36 });
    const svg = renderSvg(doc, { lang: 'en', theme: 'light' });
    const lines = [...svg.matchAll(/<line [^>]*\/>/g)].map((m) => m[0]);
    const color = getConnectionKind('selects')?.style.color ?? '?';
    expect(lines[0]).toContain(`stroke="${color}"`);
    expect(lines[0]).toContain(`-arrow-${color.slice(1)})"`);
    expect(lines[0]).not.toMatch(/dasharray/);
    // assumes: security family, dotted, no arrow.
    expect(lines[1]).toMatch(/stroke="#C9364C"[^>]*stroke-dasharray="2 4"/);
    expect(lines[1]).not.toMatch(/marker-end/);
    // A pair the palette refuses: grey, dashed, faded.
    expect(lines[2]).toMatch(/stroke="#9aa5b1"[^>]*stroke-dasharray="6 4"[^>]*opacity="0.8"/);
    expect(svg).toContain('>selects</text>');
    const long = makeDoc(doc.nodes, [{ ...edge('s', 'selects', 'svc', 'wl'), label: 'word '.repeat(500) }]);
    const label = layoutDiagram(long, 'en').edges[0]?.label;
    expect(label?.text.endsWith('…')).toBe(true);
    expect(label?.box.width).toBeLessThanOrEqual(240);
    expect(renderSvg(doc, { lang: 'ja', theme: 'light' })).toContain('>セレクター</text>');
  });

  it('ends a connection to an enclosing container at its title bar', () => {
    const subnet = { ...node('sub', 'subnet'), position: { x: 100, y: 100 } };
    const group = { ...node('mng', 'managedNodeGroup', 'sub'), position: { x: 40, y: 60 } };
    const layout = layoutDiagram(makeDoc([subnet, group], [edge('u', 'usesSubnet', 'mng', 'sub')]), 'en');
    const e = layout.edges[0];
    expect(e?.from).toEqual({ x: 100 + 40 + 160, y: 160 });
    expect(e?.to).toEqual({ x: 300, y: 100 + TITLE_BAR_HIT });
  });

  it('shows one badge per node and connection, with the worst severity', () => {
    const doc = makeDoc([node('a', 'workload'), { ...node('b', 'k8sService'), position: { x: 300, y: 0 } }], [edge('e', 'selects', 'b', 'a')]);
    const findings: Finding[] = [
      { rule: 'X-1', severity: 'info', nodes: ['a'], edges: [], message: 'note <1>' },
      { rule: 'X-2', severity: 'error', nodes: ['a', 'b'], edges: ['e'], message: 'broken & bad' },
      { rule: 'X-3', severity: 'warning', nodes: ['b'], edges: ['e'], message: 'hmm' },
    ];
    const layout = layoutDiagram(doc, 'en', findings);
    expect(layout.badges.map((b) => [b.target, b.id, b.severity])).toEqual([
      ['node', 'a', 'error'],
      ['node', 'b', 'warning'],
      ['edge', 'e', 'error'],
    ]);
    const svg = renderSvg(doc, { lang: 'en', theme: 'light', findings });
    expect(svg.match(/data-severity=/g)).toHaveLength(3);
    expect(svg).toContain('<title>note &lt;1&gt;\nbroken &amp; bad</title>');
  });

  it('falls back to the kind name for an empty or control-only label', () => {
    const doc = makeDoc([withLabel(node('a', 'workload'), ''), { ...withLabel(node('b', 'workload'), '\u0000\u0001'), position: { x: 300, y: 0 } }]);
    const layout = layoutDiagram(doc, 'ja');
    expect(layout.leaves.map((l) => l.label.text)).toEqual(['ワークロード', 'ワークロード']);
  });

  it('draws an empty diagram as a small blank image', () => {
    const svg = renderSvg(makeDoc([]), { lang: 'en', theme: 'light' });
    expect(svg).toContain('width="48" height="48"');
    expect(checkXml(svg).errors).toEqual([]);
  });
});

describe('renderSvgParts (PNG bands)', () => {
  it('draws each band as its own exact viewport and keeps every text in some band', async () => {
    const d = await loadFixture(here('./fixtures/platform.kumozu.json'));
    const b = layoutDiagram(d, 'ja', []).bounds;
    const width = Math.round(b.width * 1.5);
    const height = Math.round(b.height * (width / b.width));
    const sy = height / b.height;
    const rows = [0, Math.floor(height / 3), Math.floor((2 * height) / 3), height];
    const parts = rows.slice(0, -1).map((r0, i) => {
      const r1 = rows[i + 1] as number;
      return { viewBox: { x: b.x, y: b.y + r0 / sy, width: b.width, height: (r1 - r0) / sy }, width, height: r1 - r0 };
    });
    const whole = renderSvg(d, { lang: 'ja', theme: 'dark', embed: false });
    const svgs = renderSvgParts(d, { lang: 'ja', theme: 'dark', embed: false }, parts);
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>[^<]*<\/text>/g)].map((m) => m[0]);
    const drawn = new Set(svgs.flatMap(texts));
    for (const t of texts(whole)) expect(drawn.has(t)).toBe(true);
    svgs.forEach((svg, i) => {
      expect(checkXml(svg).errors).toEqual([]);
      const p = parts[i] as (typeof parts)[number];
      expect(svg).toContain(` width="${width}" height="${p.height}" viewBox="${p.viewBox.x} ${p.viewBox.y} ${p.viewBox.width} ${p.viewBox.height}" preserveAspectRatio="none"`);
      // Text well away from the band is left out: each band has fewer texts than the whole.
      expect(texts(svg).length).toBeLessThan(texts(whole).length);
    });
    // Without a part, the output is the plain SVG.
    expect(renderSvgParts(d, { lang: 'ja', theme: 'dark', embed: false }, [])).toEqual([]);
  });

  it('leaves out icons and arrowheads that do not overlap the band (resvg cannot draw those layers outside its image)', async () => {
    const d = await loadFixture(here('./fixtures/platform.kumozu.json'));
    const b = layoutDiagram(d, 'en', []).bounds;
    // A thin band across the middle.
    const part = { viewBox: { x: b.x, y: b.y + b.height / 2, width: b.width, height: 2 }, width: Math.round(b.width), height: 2 };
    const [band] = renderSvgParts(d, { lang: 'en', theme: 'light', embed: false }, [part]);
    const whole = renderSvg(d, { lang: 'en', theme: 'light', embed: false });
    const uses = (svg: string) => (svg.match(/<use /g) ?? []).length;
    const markers = (svg: string) => (svg.match(/marker-end=/g) ?? []).length;
    expect(uses(band ?? '')).toBeLessThan(uses(whole));
    expect(markers(band ?? '')).toBeLessThanOrEqual(markers(whole));
    for (const m of (band ?? '').matchAll(/<use [^>]*\by="([^"]+)"[^>]*\bheight="([^"]+)"/g)) {
      const y = Number(m[1]);
      const h = Number(m[2]);
      expect(y < part.viewBox.y + part.viewBox.height && y + h > part.viewBox.y).toBe(true);
    }
  });
});
