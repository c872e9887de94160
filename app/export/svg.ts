import { serializeDiagram } from '../format/serialize';
import type { Rect } from '../model/geometry';
import type { DiagramDocument, Lang } from '../model/types';
import type { Finding } from '../rules/types';
import { svgMetadata } from './embed';
import { fontFamilyList, SHIPPED_FONT_FAMILY } from './font';
import { ICONS } from './icons.generated';
import { FONT_SIZE, layoutDiagram, type BadgeShape, type DiagramLayout, type ContainerShape, type EdgeShape, type LeafShape, type NoteShape, type TextBox } from './layout';
import { SEVERITY_STYLE, THEMES, type Paint, type Theme, type ThemeName } from './theme';
import { escapeAttr, escapeText, fingerprint, num } from './xml';

export interface SvgOptions {
  readonly lang: Lang;
  readonly theme: ThemeName;
  /** Badges for these findings (worst severity per node and connection), as on the canvas. */
  readonly findings?: readonly Finding[];
  /** Carry the document inside the image (format.md, "Carried inside images"). Default true. */
  readonly embed?: boolean;
  /**
   * The font to name first. `dataBase64` (the font file, base64) is written as
   * an @font-face rule so browsers without the font still render it; resvg
   * ignores @font-face and must be given the file itself (font.ts).
   */
  readonly font?: { readonly family: string; readonly dataBase64?: string };
  /** `transparent` leaves out the canvas-coloured backdrop (for slides and docs with their own background). Default `theme`. */
  readonly background?: 'theme' | 'transparent';
  /**
   * Draw one part of the image, for rasterising a large export in bands:
   * the root is `width` × `height` px showing `viewBox` (a part of the
   * diagram, in its coordinates) stretched exactly, and text lying wholly
   * outside that part is left out. A rasteriser shapes every text element it
   * is given wherever it lies, which is most of its work on a big diagram;
   * shapes outside the part cost it next to nothing and are kept, so the
   * pixels of the part are those of the whole image.
   */
  readonly part?: RasterPart;
}

export interface RasterPart {
  readonly viewBox: Rect;
  readonly width: number;
  readonly height: number;
}

/** Text boxes are estimates (layout.ts): keep a text if it comes this close to the part, in px at zoom 1. */
const PART_TEXT_MARGIN = 24;
/** Shapes are kept if they come this close to the part (strokes, shadows and arrowheads reach past their boxes). */
const PART_SHAPE_MARGIN = 16;

/**
 * What a part leaves out (SvgOptions.part). Text and plain shapes are kept
 * when near the part. Elements resvg draws on a layer of their own (icons,
 * which are clipped symbols; arrowheads; translucent lines) are kept only
 * when they overlap it: resvg 2.6 panics on a layer lying wholly outside the
 * image, and such an element draws nothing in the part anyway.
 */
interface Cull {
  readonly text: (t: TextBox) => boolean;
  readonly near: (r: Rect) => boolean;
  readonly overlaps: (r: Rect) => boolean;
}

const KEEP_ALL: Cull = { text: () => true, near: () => true, overlaps: () => true };

function cullFor(part: RasterPart | undefined): Cull {
  if (!part) return KEEP_ALL;
  const v = part.viewBox;
  const m = PART_SHAPE_MARGIN;
  // A hundredth of a px at zoom 1 inside the edges: what overlaps by less draws nothing visible.
  const e = 0.01;
  return {
    text: showsText(part),
    near: (r) => r.x <= v.x + v.width + m && r.x + r.width >= v.x - m && r.y <= v.y + v.height + m && r.y + r.height >= v.y - m,
    overlaps: (r) => r.x < v.x + v.width - e && r.x + r.width > v.x + e && r.y < v.y + v.height - e && r.y + r.height > v.y + e,
  };
}

/** The box of an arrowhead: the marker's 10 × 10 triangle, tip on the line's end. */
function arrowBox(e: EdgeShape): Rect {
  const length = Math.hypot(e.to.x - e.from.x, e.to.y - e.from.y) || 1;
  const ux = (e.to.x - e.from.x) / length;
  const uy = (e.to.y - e.from.y) / length;
  const xs = [e.to.x, e.to.x - 10 * ux - 5 * uy, e.to.x - 10 * ux + 5 * uy];
  const ys = [e.to.y, e.to.y - 10 * uy + 5 * ux, e.to.y - 10 * uy - 5 * ux];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function lineBox(e: EdgeShape): Rect {
  const x = Math.min(e.from.x, e.to.x);
  const y = Math.min(e.from.y, e.to.y);
  return { x, y, width: Math.abs(e.to.x - e.from.x), height: Math.abs(e.to.y - e.from.y) };
}

function showsText(part: RasterPart | undefined): (t: TextBox) => boolean {
  if (!part) return () => true;
  const v = part.viewBox;
  const x0 = v.x - PART_TEXT_MARGIN;
  const y0 = v.y - PART_TEXT_MARGIN;
  const x1 = v.x + v.width + PART_TEXT_MARGIN;
  const y1 = v.y + v.height + PART_TEXT_MARGIN;
  return (t) => {
    const b = t.box;
    // The baseline point as well as the estimated box, in case an estimate is off.
    const top = Math.min(b.y, t.y - t.size * 1.5);
    const bottom = Math.max(b.y + b.height, t.y + t.size);
    return b.x <= x1 && b.x + b.width >= x0 && top <= y1 && bottom >= y0;
  };
}

/**
 * The whole diagram as a standalone SVG document: not a viewport but the
 * bounds of everything drawn plus a margin, drawn the way the canvas draws it.
 *
 * Pure and deterministic: the same document and options give the same bytes
 * (document order, fixed number formatting, ids derived from the content).
 * Only real <text> is used (no foreignObject), so resvg, librsvg and browsers
 * render it alike, and every user-written string is escaped.
 */
export function renderSvg(doc: DiagramDocument, options: SvgOptions): string {
  return draw(doc, options, layoutDiagram(doc, options.lang, options.findings ?? []), serializeDiagram(doc));
}

/**
 * The same image cut into parts (`SvgOptions.part`), one SVG per part, laid
 * out once: what a rasteriser working band by band is given.
 */
export function renderSvgParts(doc: DiagramDocument, options: Omit<SvgOptions, 'part'>, parts: readonly RasterPart[]): string[] {
  const layout = layoutDiagram(doc, options.lang, options.findings ?? []);
  const json = serializeDiagram(doc);
  return parts.map((part) => draw(doc, { ...options, part }, layout, json));
}

function draw(doc: DiagramDocument, options: SvgOptions, layout: DiagramLayout, json: string): string {
  const theme = THEMES[options.theme];
  // Ids are prefixed with a fingerprint of the content, so two exports inlined into one HTML page never collide.
  const ids = new Ids(`kz${fingerprint(`${json}\u0000${options.theme}\u0000${options.lang}`)}`);
  const family = options.font?.family ?? SHIPPED_FONT_FAMILY;
  const b = layout.bounds;
  const part = options.part;
  const cull = cullFor(part);

  const body: string[] = [];
  if (options.background !== 'transparent') body.push(rect(b, { fill: theme.canvas }));
  for (const c of layout.containers) if (cull.near(c.box) || cull.text(c.title)) body.push(container(c, theme, ids, cull));
  for (const e of layout.edges) if (cull.near(lineBox(e))) body.push(edgeLine(e, ids, cull));
  for (const l of layout.leaves) if (cull.near(l.box) || cull.text(l.label) || (l.kind !== undefined && cull.text(l.kind))) body.push(leaf(l, theme, ids, cull));
  for (const e of layout.edges) if (cull.near(e.labelBg) || cull.text(e.label)) body.push(edgeLabel(e, theme, cull));
  for (const n of layout.notes) if (cull.near(n.box) || n.lines.some(cull.text)) body.push(note(n, theme, cull));
  for (const badge of layout.badges) if (cull.near({ x: badge.cx - badge.r, y: badge.cy - badge.r, width: 2 * badge.r, height: 2 * badge.r })) body.push(badgeMarkup(badge, theme, cull));

  const v = part?.viewBox ?? b;
  const head: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"`,
    part
      ? ` width="${part.width}" height="${part.height}" viewBox="${v.x} ${v.y} ${v.width} ${v.height}" preserveAspectRatio="none"`
      : ` width="${num(b.width)}" height="${num(b.height)}" viewBox="${num(b.x)} ${num(b.y)} ${num(b.width)} ${num(b.height)}"`,
    ` font-family="${escapeAttr(fontFamilyList(family))}" font-size="${FONT_SIZE}" xml:lang="${options.lang}">\n`,
  ];
  const title = doc.meta.title.trim();
  if (title !== '') head.push(`<title>${escapeText(clean(title))}</title>\n`);
  if (doc.meta.description.trim() !== '') head.push(`<desc>${escapeText(clean(doc.meta.description))}</desc>\n`);
  if (options.embed !== false) head.push(`<metadata>${svgMetadata(json)}</metadata>\n`);
  const face = fontFace(family, options.font?.dataBase64);
  if (face) head.push(`<style>${face}</style>\n`);
  head.push('<defs>', ...ids.defs(), '</defs>\n');
  return [...head, ...body, '</svg>\n'].join('');
}

/**
 * The size of the image `renderSvg` draws, in px at zoom 1 (whole pixels): a
 * PNG at scale s is (width × s) × (height × s), which the caller gets by
 * rasterising with resvg's `fitTo: { mode: 'width', value: width × s }`.
 */
export function svgSize(doc: DiagramDocument, options: Pick<SvgOptions, 'lang' | 'findings'>): { width: number; height: number } {
  const { width, height } = layoutDiagram(doc, options.lang, options.findings ?? []).bounds;
  return { width, height };
}

/** Above this many pixels a raster export would need gigabytes of memory; renderers and browsers refuse far sooner. */
export const MAX_RASTER_PIXELS = 64_000_000;

/**
 * The PNG scale to use: the one asked for, or, for a very large diagram, the
 * largest (rounded down to two decimals) that keeps the image within
 * `maxPixels` and, when given, `maxSide` pixels per side. Never a blank image.
 */
export function cappedScale(width: number, height: number, scale: number, maxPixels = MAX_RASTER_PIXELS, maxSide = Infinity): number {
  let s = scale;
  if (width * s * height * s > maxPixels) s = Math.sqrt(maxPixels / (width * height));
  s = Math.min(s, maxSide / width, maxSide / height);
  return s >= scale ? scale : Math.floor(s * 100) / 100;
}

/** Characters XML forbids, removed from free text (title and description keep their line breaks). */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex -- see xml.ts
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** @font-face for the embedded font; the data is checked to be plain base64 so it can't break out of the rule. */
function fontFace(family: string, data: string | undefined): string | undefined {
  if (data === undefined) return undefined;
  const base64 = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64 === '') return undefined;
  const name = fontFamilyList(family).split(', ')[0] ?? `'${SHIPPED_FONT_FAMILY}'`;
  return `@font-face{font-family:${name};src:url(data:font/otf;base64,${base64}) format('opentype');}`;
}

/**
 * Shared definitions, written once and referenced: each icon used becomes a
 * <symbol> (a 1,000-node diagram would otherwise repeat the icon markup a
 * thousand times), each arrow colour a <marker>.
 */
class Ids {
  private readonly icons = new Map<string, string>();
  private readonly markers = new Map<string, string>();
  constructor(private readonly prefix: string) {}

  icon(name: string): string {
    const key = name in ICONS ? name : 'unknown';
    let id = this.icons.get(key);
    if (id === undefined) {
      id = `${this.prefix}-icon-${key}`;
      this.icons.set(key, id);
    }
    return id;
  }

  arrow(color: string): string {
    let id = this.markers.get(color);
    if (id === undefined) {
      id = `${this.prefix}-arrow-${color.replace(/[^0-9A-Za-z]/g, '')}`;
      this.markers.set(color, id);
    }
    return id;
  }

  defs(): string[] {
    const out: string[] = [];
    for (const [name, id] of [...this.icons].sort(byKey)) out.push(`<symbol id="${id}" viewBox="0 0 48 48">${ICONS[name] ?? ''}</symbol>`);
    for (const [color, id] of [...this.markers].sort(byKey)) {
      // The tip sits on the node's border: refX is the tip of the path.
      out.push(
        `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="${color}"/></marker>`,
      );
    }
    return out;
  }
}

function byKey(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Elements

type Attrs = Readonly<Record<string, string | number | undefined>>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${typeof v === 'number' ? num(v) : escapeAttr(v)}"`;
  return out;
}

function rect(r: Rect, a: Attrs = {}): string {
  return `<rect${attrs({ x: r.x, y: r.y, width: r.width, height: r.height, ...a })}/>`;
}

function paint(p: Paint, prop: 'fill' | 'stroke'): Attrs {
  return p.opacity === 1 ? { [prop]: p.color } : { [prop]: p.color, [`${prop}-opacity`]: p.opacity };
}

function text(t: TextBox, cull: Cull, a: Attrs = {}): string {
  if (t.text === '' || !cull.text(t)) return '';
  return `<text${attrs({ x: t.x, y: t.y, 'font-size': t.size === FONT_SIZE ? undefined : t.size, 'text-anchor': t.anchor === 'middle' ? 'middle' : undefined, ...a })}>${escapeText(t.text)}</text>`;
}

function useIcon(ids: Ids, name: string, r: Rect, cull: Cull): string {
  if (!cull.overlaps(r)) return '';
  const ref = `#${ids.icon(name)}`;
  // Both spellings of the reference: SVG 2 `href` for current renderers, `xlink:href` for older tools.
  return `<use${attrs({ href: ref, 'xlink:href': ref, x: r.x, y: r.y, width: r.width, height: r.height })}/>`;
}

const CONTAINER_DASH: Readonly<Record<string, string | undefined>> = { solid: undefined, dashed: '6 4', dotted: '2 3' };

function container(c: ContainerShape, theme: Theme, ids: Ids, cull: Cull): string {
  const half = c.strokeWidth / 2;
  // SVG strokes straddle the outline, CSS borders sit inside the box: inset by half the stroke.
  const outline = { x: c.box.x + half, y: c.box.y + half, width: Math.max(c.box.width - c.strokeWidth, 0), height: Math.max(c.box.height - c.strokeWidth, 0) };
  let fill: Attrs;
  let stroke = c.color;
  if (c.fill === 'public' || c.fill === 'private') {
    fill = paint(c.fill === 'public' ? theme.publicFill : theme.privateFill, 'fill');
    stroke = c.fill === 'public' ? theme.publicBorder : theme.privateBorder;
  } else if (c.fill === 'none') {
    fill = { fill: 'none' };
  } else {
    // The AWS-managed account is tinted with the control plane's orange (styles.css).
    fill = { fill: c.node.kind === 'awsManagedAccount' ? '#ED7100' : c.color, 'fill-opacity': c.node.kind === 'awsManagedAccount' ? 0.06 : theme.containerTint };
  }
  const parts = [
    '<g>',
    rect(outline, { rx: 6, ...fill, stroke, 'stroke-width': c.strokeWidth, 'stroke-dasharray': CONTAINER_DASH[c.line] }),
    useIcon(ids, c.icon, c.iconBox, cull),
    text(c.title, cull, { 'font-weight': 600, fill: theme.text }),
  ];
  if (c.tier) {
    parts.push(
      rect(c.tier.pill, { rx: c.tier.pill.height / 2, fill: c.tier.public ? theme.publicBorder : theme.privateBorder }),
      text(c.tier.label, cull, { 'font-weight': 600, fill: '#ffffff' }),
    );
  }
  parts.push('</g>\n');
  return parts.join('');
}

function leaf(l: LeafShape, theme: Theme, ids: Ids, cull: Cull): string {
  const { x, y, width: w, height: h } = l.box;
  const r = Math.min(6, w / 2, h / 2);
  // The 4px category bar of `.k-leaf`, following the card's rounded left corners.
  const bar = `M${num(x + r)},${num(y)}A${num(r)},${num(r)} 0 0 0 ${num(x)},${num(y + r)}V${num(y + h - r)}A${num(r)},${num(r)} 0 0 0 ${num(x + r)},${num(y + h)}H${num(x + 4)}V${num(y)}Z`;
  return [
    '<g>',
    rect({ x, y: y + 1, width: w, height: h }, { rx: r, ...paint(theme.shadow, 'fill') }),
    rect({ x: x + 0.5, y: y + 0.5, width: Math.max(w - 1, 0), height: Math.max(h - 1, 0) }, {
      rx: r,
      fill: l.unknown ? theme.unknownFill : theme.nodeBg,
      stroke: theme.border,
      'stroke-dasharray': l.unknown ? '4 3' : undefined,
    }),
    `<path d="${bar}" fill="${l.color}"/>`,
    useIcon(ids, l.icon, l.iconBox, cull),
    text(l.label, cull, { 'font-weight': 600, fill: theme.text }),
    l.kind ? text(l.kind, cull, { fill: theme.muted }) : '',
    '</g>\n',
  ].join('');
}

const EDGE_DASH: Readonly<Record<EdgeShape['line'], string | undefined>> = { solid: undefined, dashed: '8 5', dotted: '2 4', invalid: '6 4' };

function edgeLine(e: EdgeShape, ids: Ids, cull: Cull): string {
  // Translucent: drawn on a layer (see Cull).
  if (e.line === 'invalid' && !cull.overlaps(lineBox(e))) return '';
  const length = Math.hypot(e.to.x - e.from.x, e.to.y - e.from.y);
  // A marker on a zero-length line has no direction; leave the arrow off.
  const marker = e.arrow && length >= 1 && cull.overlaps(arrowBox(e)) ? `url(#${ids.arrow(e.color)})` : undefined;
  return `<line${attrs({
    x1: e.from.x,
    y1: e.from.y,
    x2: e.to.x,
    y2: e.to.y,
    stroke: e.color,
    'stroke-width': 1.75,
    'stroke-dasharray': EDGE_DASH[e.line],
    'marker-end': marker,
    opacity: e.line === 'invalid' ? 0.8 : undefined,
  })}/>\n`;
}

function edgeLabel(e: EdgeShape, theme: Theme, cull: Cull): string {
  if (e.label.text === '') return '';
  // A background box rather than a paint-order halo: every renderer draws a rectangle the same way.
  return `<g>${rect(e.labelBg, { rx: 3, ...paint(theme.edgeLabelBg, 'fill') })}${text(e.label, cull, { fill: e.line === 'invalid' ? theme.edgeLabelInvalid : theme.edgeLabel })}</g>\n`;
}

function note(n: NoteShape, theme: Theme, cull: Cull): string {
  const parts = ['<g>', rect({ ...n.box, y: n.box.y + 1 }, { rx: 4, ...paint({ color: '#000000', opacity: 0.15 }, 'fill') }), rect(n.box, { rx: 4, fill: theme.note })];
  for (const line of n.lines) parts.push(text(line, cull, { fill: theme.text }));
  parts.push('</g>\n');
  return parts.join('');
}

function badgeMarkup(b: BadgeShape, theme: Theme, cull: Cull): string {
  const style = SEVERITY_STYLE[b.severity];
  const size = b.target === 'node' ? 12 : 10;
  const symbol: TextBox = { text: style.symbol, x: b.cx, y: b.cy + size * 0.35, size, anchor: 'middle', box: { x: b.cx - b.r, y: b.cy - b.r, width: 2 * b.r, height: 2 * b.r } };
  return [
    `<g${attrs({ 'data-severity': b.severity })}>`,
    `<title>${escapeText(b.messages.map(clean).join('\n'))}</title>`,
    `<circle${attrs({ cx: b.cx, cy: b.cy, r: b.r, fill: style.fill, stroke: theme.panel, 'stroke-width': 2 })}/>`,
    cull.text(symbol) ? `<text${attrs({ x: b.cx, y: b.cy + size * 0.35, 'font-size': size, 'font-weight': 700, 'text-anchor': 'middle', fill: style.text })}>${style.symbol}</text>` : '',
    '</g>\n',
  ].join('');
}

