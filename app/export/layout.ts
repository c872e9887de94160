import { getCategory } from '../catalog/categories';
import { getConnectionKind, isAllowedPair } from '../catalog/connections';
import { getKind } from '../catalog/registry';
import type { LineStyle } from '../catalog/types';
import { absolutePositions, sizeOf, type Rect } from '../model/geometry';
import type { DiagramDocument, DiagramEdge, DiagramNode, DiagramNote, Lang, Point } from '../model/types';
import type { Finding, Severity } from '../rules/types';
import { floatingEnds } from './edges';
import { badgeTargets } from './findings';
import { INVALID_GREY } from './theme';
import { truncate, textWidth, wrap } from './text';
import { displayLines, displayText } from './xml';

/**
 * Where everything goes in an exported image, in canvas coordinates (px at
 * zoom 1), independent of colours and of the output format. The SVG writer
 * only turns this into markup; tests read it to find where a label sits.
 *
 * Sizes and offsets mirror the canvas stylesheet (renderer/src/styles.css):
 * `.k-leaf` (padding 6px 8px, 4px category bar, 36px icon), `.k-container`
 * (2px border, title bar with a 22px icon), `.k-note` (max-width 260px,
 * padding 8px 10px), badges 18px at the top-right corner.
 */

/** Empty space around the drawing. */
export const MARGIN = 24;
export const FONT_SIZE = 13;
const LINE_HEIGHT = 18;
/** Widest connection label, px. */
const EDGE_LABEL_MAX = 240;
/** Baseline offset from the top of a line box of the shipped font (ascender ≈ 0.88 em). */
const ASCENT = 0.88;

export interface TextBox {
  readonly text: string;
  /** Left end for `start` text, centre for `middle`. */
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
  readonly anchor: 'start' | 'middle';
  /** Estimated extent of the drawn text. */
  readonly box: Rect;
}

export interface ContainerShape {
  readonly type: 'container';
  readonly node: DiagramNode;
  readonly box: Rect;
  readonly color: string;
  readonly line: LineStyle;
  readonly strokeWidth: number;
  /** `tint` = the category colour, faint; `none` = transparent (AZ); subnets use the tier colours. */
  readonly fill: 'tint' | 'none' | 'public' | 'private';
  readonly icon: string;
  readonly iconBox: Rect;
  readonly title: TextBox;
  readonly tier?: { readonly public: boolean; readonly pill: Rect; readonly label: TextBox };
}

export interface LeafShape {
  readonly type: 'leaf';
  readonly node: DiagramNode;
  readonly box: Rect;
  readonly color: string;
  readonly unknown: boolean;
  readonly icon: string;
  readonly iconBox: Rect;
  readonly label: TextBox;
  readonly kind?: TextBox;
}

export interface NoteShape {
  readonly note: DiagramNote;
  readonly box: Rect;
  readonly lines: readonly TextBox[];
}

export interface EdgeShape {
  readonly edge: DiagramEdge;
  readonly from: Point;
  readonly to: Point;
  readonly color: string;
  /** `invalid`: a connection the palette does not allow, drawn dashed grey (components.md §6.2). */
  readonly line: LineStyle | 'invalid';
  readonly arrow: boolean;
  readonly label: TextBox;
  /** Background behind the label. */
  readonly labelBg: Rect;
}

export interface BadgeShape {
  readonly target: 'node' | 'edge';
  readonly id: string;
  readonly severity: Severity;
  /** The findings' messages, shown on hover where the viewer supports it. */
  readonly messages: readonly string[];
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

export interface DiagramLayout {
  /** The whole drawing plus the margin, on whole pixels (the SVG's viewBox). */
  readonly bounds: Rect;
  readonly containers: readonly ContainerShape[];
  readonly leaves: readonly LeafShape[];
  readonly notes: readonly NoteShape[];
  readonly edges: readonly EdgeShape[];
  readonly badges: readonly BadgeShape[];
}

const UI_TEXT = {
  public: { en: 'PUBLIC', ja: 'パブリック' },
  private: { en: 'PRIVATE', ja: 'プライベート' },
  unknown: { en: 'Unknown component', ja: '不明なコンポーネント' },
} as const;

function textBox(text: string, x: number, baseline: number, size: number, anchor: 'start' | 'middle' = 'start'): TextBox {
  const width = textWidth(text, size);
  const left = anchor === 'middle' ? x - width / 2 : x;
  return { text, x, y: baseline, size, anchor, box: { x: left, y: baseline - size * ASCENT, width, height: size * 1.16 } };
}

/** Container border styles of styles.css (`.k-kind-*`). */
function containerLine(kind: string): { line: LineStyle; strokeWidth: number; fill: ContainerShape['fill'] } {
  switch (kind) {
    case 'awsManagedAccount':
    case 'internet':
    case 'onPremises':
      return { line: 'dashed', strokeWidth: 2, fill: 'tint' };
    case 'availabilityZone':
      return { line: 'dashed', strokeWidth: 1.5, fill: 'none' };
    case 'k8sNamespace':
      return { line: 'dashed', strokeWidth: 1.5, fill: 'tint' };
    default:
      return { line: 'solid', strokeWidth: 2, fill: 'tint' };
  }
}

function containerShape(node: DiagramNode, box: Rect, lang: Lang): ContainerShape {
  const spec = getKind(node.kind);
  const color = spec ? getCategory(spec.category).color : INVALID_GREY;
  const style = containerLine(node.kind);
  const iconBox = { x: box.x + 10, y: box.y + 6, width: 22, height: 22 };
  const textX = box.x + 38;
  const baseline = box.y + 21.5;
  let available = box.width - 38 - 8;

  let tier: ContainerShape['tier'];
  let fill = style.fill;
  if (node.kind === 'subnet') {
    const isPublic = node.props.tier === 'public';
    fill = isPublic ? 'public' : 'private';
    const word = (isPublic ? UI_TEXT.public : UI_TEXT.private)[lang];
    const width = textWidth(word, 10) + 12;
    available -= width + 6;
    // Placed once the title's width is known (below).
    tier = { public: isPublic, pill: { x: 0, y: box.y + 10, width, height: 15 }, label: textBox(word, 0, box.y + 21, 10, 'middle') };
  }
  const name = displayText(node.label) || (spec ? spec.name[lang] : displayText(node.kind));
  const title = textBox(truncate(name, Math.max(available, 0), FONT_SIZE), textX, baseline, FONT_SIZE);
  if (tier) {
    const pillX = textX + title.box.width + 6;
    tier = {
      public: tier.public,
      pill: { ...tier.pill, x: pillX },
      label: textBox(tier.label.text, pillX + tier.pill.width / 2, tier.label.y, 10, 'middle'),
    };
  }
  return { type: 'container', node, box, color, ...style, fill, icon: spec?.icon ?? 'unknown', iconBox, title, ...(tier ? { tier } : {}) };
}

function leafShape(node: DiagramNode, box: Rect, lang: Lang): LeafShape {
  const spec = getKind(node.kind);
  const label = displayText(node.label);
  const kindName = spec ? spec.name[lang] : displayText(node.kind);
  const primary = label || kindName;
  const secondary = !spec ? `${UI_TEXT.unknown[lang]}: ${kindName}` : label && label !== kindName ? kindName : undefined;
  const iconBox = { x: box.x + 12, y: box.y + (box.height - 36) / 2, width: 36, height: 36 };
  const textX = box.x + 56;
  const room = Math.max(box.width - 56 - 8, 0);
  const cy = box.y + box.height / 2;
  const labelBox = textBox(truncate(primary, room, FONT_SIZE), textX, secondary === undefined ? cy + 4.5 : cy - 1.5, FONT_SIZE);
  const kindBox = secondary === undefined ? undefined : textBox(truncate(secondary, room, 10), textX, cy + 11.5, 10);
  return {
    type: 'leaf',
    node,
    box,
    color: spec ? getCategory(spec.category).color : INVALID_GREY,
    unknown: !spec,
    icon: spec?.icon ?? 'unknown',
    iconBox,
    label: labelBox,
    ...(kindBox ? { kind: kindBox } : {}),
  };
}

function noteShape(note: DiagramNote): NoteShape {
  const lines = wrap(displayLines(note.text), 240, FONT_SIZE);
  // A loop, not Math.max(...lines): a pasted essay can have more lines than a call has arguments.
  let widest = 0;
  for (const l of lines) widest = Math.max(widest, textWidth(l, FONT_SIZE));
  const width = Math.min(260, widest + 20);
  const box = { x: note.position.x, y: note.position.y, width, height: lines.length * LINE_HEIGHT + 16 };
  return {
    note,
    box,
    lines: lines.map((l, i) => textBox(l, box.x + 10, box.y + 8 + i * LINE_HEIGHT + (LINE_HEIGHT - FONT_SIZE) / 2 + FONT_SIZE * ASCENT, FONT_SIZE)),
  };
}

function edgeShape(edge: DiagramEdge, s: DiagramNode, t: DiagramNode, sBox: Rect, tBox: Rect, lang: Lang): EdgeShape {
  const spec = getConnectionKind(edge.kind);
  // As the canvas: only a pair the palette refuses is invalid; ends of unknown kinds get the benefit of the doubt.
  const valid = spec !== undefined && (!getKind(s.kind) || !getKind(t.kind) || isAllowedPair(edge.kind, s.kind, t.kind));
  const { from, to } = floatingEnds(sBox, tBox);
  // Capped, unlike the canvas: a pasted paragraph as a label would otherwise widen the whole image.
  const text = truncate(displayText(edge.label) || (spec ? spec.label[lang] : displayText(edge.kind)), EDGE_LABEL_MAX, 11);
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  const label = textBox(text, mx, my + 11 * 0.35, 11, 'middle');
  return {
    edge,
    from,
    to,
    color: valid && spec ? spec.style.color : INVALID_GREY,
    line: valid && spec ? spec.style.line : 'invalid',
    arrow: spec?.style.arrow !== false,
    label,
    labelBg: { x: label.box.x - 3, y: my - 7.5, width: label.box.width + 6, height: 15 },
  };
}

export function layoutDiagram(doc: DiagramDocument, lang: Lang, findings: readonly Finding[] = []): DiagramLayout {
  const positions = absolutePositions(doc);
  const byId = new Map<string, { node: DiagramNode; box: Rect }>();
  const containers: ContainerShape[] = [];
  const leaves: LeafShape[] = [];
  for (const node of doc.nodes) {
    const pos = positions.get(node.id);
    if (!pos) continue;
    const box = { ...pos, ...sizeOf(node) };
    byId.set(node.id, { node, box });
    if (getKind(node.kind)?.container) containers.push(containerShape(node, box, lang));
    else leaves.push(leafShape(node, box, lang));
  }

  const edges: EdgeShape[] = [];
  for (const edge of doc.edges) {
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    // Parsing drops dangling connections; a hand-built document may still have them.
    if (!s || !t) continue;
    edges.push(edgeShape(edge, s.node, t.node, s.box, t.box, lang));
  }

  const notes = doc.notes.map(noteShape);

  const targets = badgeTargets(findings);
  const badges: BadgeShape[] = [];
  for (const node of doc.nodes) {
    const badge = targets.nodes.get(node.id);
    const at = byId.get(node.id);
    if (badge && at) badges.push({ target: 'node', id: node.id, ...badge, cx: at.box.x + at.box.width - 1, cy: at.box.y + 1, r: 9 });
  }
  for (const e of edges) {
    const badge = targets.edges.get(e.edge.id);
    if (badge) badges.push({ target: 'edge', id: e.edge.id, ...badge, cx: (e.from.x + e.to.x) / 2, cy: (e.from.y + e.to.y) / 2 - 16, r: 7 });
  }

  return { bounds: boundsOf(byId, notes, edges, badges), containers, leaves, notes, edges, badges };
}

function boundsOf(
  nodes: ReadonlyMap<string, { box: Rect }>,
  notes: readonly NoteShape[],
  edges: readonly EdgeShape[],
  badges: readonly BadgeShape[],
): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (r: Rect) => {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  };
  for (const { box } of nodes.values()) add(box);
  for (const n of notes) add(n.box);
  for (const e of edges) add(e.labelBg);
  for (const b of badges) add({ x: b.cx - b.r - 2, y: b.cy - b.r - 2, width: 2 * b.r + 4, height: 2 * b.r + 4 });
  if (minX === Infinity) return { x: 0, y: 0, width: 2 * MARGIN, height: 2 * MARGIN };
  const x = Math.floor(minX - MARGIN);
  const y = Math.floor(minY - MARGIN);
  return { x, y, width: Math.ceil(maxX + MARGIN) - x, height: Math.ceil(maxY + MARGIN) - y };
}
