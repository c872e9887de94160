import { defaultSizeOf, isContainerKind } from '../catalog/registry';
import type { DiagramDocument, DiagramNode, Point, Size } from './types';

/** Geometry in canvas coordinates (px at zoom 1), derived from the document's relative positions. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function sizeOf(node: DiagramNode): Size {
  return node.size ?? defaultSizeOf(node.kind);
}

/** Absolute top-left of every node, computed once in document order (parents come first). */
export function absolutePositions(doc: DiagramDocument): Map<string, Point> {
  const out = new Map<string, Point>();
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const resolve = (n: DiagramNode, depth: number): Point => {
    const known = out.get(n.id);
    if (known) return known;
    const parent = n.parent === null ? undefined : byId.get(n.parent);
    // depth guard: a cycle can only come from a hand-made document; parse() breaks them.
    const base = parent && depth < 64 ? resolve(parent, depth + 1) : { x: 0, y: 0 };
    const abs = { x: base.x + n.position.x, y: base.y + n.position.y };
    out.set(n.id, abs);
    return abs;
  };
  for (const n of doc.nodes) resolve(n, 0);
  return out;
}

export function absoluteRect(doc: DiagramDocument, id: string, positions = absolutePositions(doc)): Rect | undefined {
  const node = doc.nodes.find((n) => n.id === id);
  const pos = positions.get(id);
  if (!node || !pos) return undefined;
  return { ...pos, ...sizeOf(node) };
}

function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.y >= r.y && p.x <= r.x + r.width && p.y <= r.y + r.height;
}

/**
 * The innermost container under a canvas point, ignoring `exclude` (the dragged
 * nodes and their subtrees), or null for the root. "Innermost" is the deepest
 * in the tree; among equals, the one drawn last (on top).
 */
export function containerAt(doc: DiagramDocument, point: Point, exclude: ReadonlySet<string> = new Set()): string | null {
  const positions = absolutePositions(doc);
  const depth = new Map<string, number>();
  for (const n of doc.nodes) depth.set(n.id, n.parent === null ? 0 : (depth.get(n.parent) ?? 0) + 1);
  let best: { id: string; depth: number } | null = null;
  for (const n of doc.nodes) {
    if (!isContainerKind(n.kind) || exclude.has(n.id)) continue;
    const pos = positions.get(n.id);
    if (!pos || !contains({ ...pos, ...sizeOf(n) }, point)) continue;
    const d = depth.get(n.id) ?? 0;
    if (!best || d >= best.depth) best = { id: n.id, depth: d };
  }
  return best?.id ?? null;
}

/** Bounding box of the whole diagram (all nodes and notes), or null when empty. */
export function diagramBounds(doc: DiagramDocument): Rect | null {
  const positions = absolutePositions(doc);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of doc.nodes) {
    const p = positions.get(n.id);
    if (!p) continue;
    const s = sizeOf(n);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + s.width);
    maxY = Math.max(maxY, p.y + s.height);
  }
  if (minX === Infinity) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
