import type { Point } from '../model/types';
import type { Rect } from '../model/geometry';

/**
 * Connection routing, as the canvas does it (renderer/src/canvas/edges.tsx):
 * a straight "floating" line between the borders of the two nodes, along the
 * line joining their centres. A connection to an enclosing container (node
 * group → its subnet) runs vertically from the inner node up to the
 * container's title bar instead, since the centre-to-centre line would stay
 * inside the container. The canvas (renderer/src/canvas/edges.tsx) uses these
 * same functions, so what is exported is what was drawn.
 */

/** Distance from a container's top edge to where a connection meets its title bar (as on the canvas). */
export const TITLE_BAR_HIT = 14;

/** Where the segment from r's centre towards `toward` leaves r. */
export function borderPoint(r: Rect, toward: Point): Point {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : r.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The two end points of a connection from box `s` to box `t`. */
export function floatingEnds(s: Rect, t: Rect): { from: Point; to: Point } {
  const sc = { x: s.x + s.width / 2, y: s.y + s.height / 2 };
  const tc = { x: t.x + t.width / 2, y: t.y + t.height / 2 };
  if (contains(t, s)) {
    const a = borderPoint(s, { x: sc.x, y: t.y });
    return { from: a, to: { x: a.x, y: t.y + TITLE_BAR_HIT } };
  }
  if (contains(s, t)) {
    const b = borderPoint(t, { x: tc.x, y: s.y });
    return { from: { x: b.x, y: s.y + TITLE_BAR_HIT }, to: b };
  }
  return { from: borderPoint(s, tc), to: borderPoint(t, sc) };
}
