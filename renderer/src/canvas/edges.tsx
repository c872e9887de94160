import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { getConnectionKind } from '../../../app/catalog/connections';
import { useEdgeBadge } from '../findings/context';
import { useI18n } from '../i18n/i18n';
import type { KEdge } from './flow';

/**
 * A "floating" connection: it runs between the borders of its two nodes along
 * the line joining their centres, so it needs no stored handle and always takes
 * the short way, whatever side the user started the drag from.
 */

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(node: InternalNode): Box {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, w: node.measured.width ?? node.width ?? 0, h: node.measured.height ?? node.height ?? 0 };
}

/** Where the segment from b's centre towards `toward` leaves b's rectangle. */
function borderPoint(b: Box, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** The two end points of a connection between two boxes. */
export function floatingEnds(s: Box, t: Box): { sx: number; sy: number; tx: number; ty: number } {
  const sc = { x: s.x + s.w / 2, y: s.y + s.h / 2 };
  const tc = { x: t.x + t.w / 2, y: t.y + t.h / 2 };
  // An edge to an enclosing container (node group → subnet) ends on the container's title bar.
  if (contains(t, s)) {
    const a = borderPoint(s, { x: sc.x, y: t.y });
    return { sx: a.x, sy: a.y, tx: a.x, ty: t.y + 14 };
  }
  if (contains(s, t)) {
    const b = borderPoint(t, { x: tc.x, y: s.y });
    return { sx: b.x, sy: s.y + 14, tx: b.x, ty: b.y };
  }
  const a = borderPoint(s, tc);
  const b = borderPoint(t, sc);
  return { sx: a.x, sy: a.y, tx: b.x, ty: b.y };
}

const DASH = { solid: undefined, dashed: '8 5', dotted: '2 4' } as const;

export const KumozuEdge = memo(function KumozuEdge({ id, source, target, data, selected, markerEnd }: EdgeProps<KEdge>) {
  const { tx: pick } = useI18n();
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  const badge = useEdgeBadge(id);
  if (!s || !t || !data) return null;
  const { sx, sy, tx, ty } = floatingEnds(boxOf(s), boxOf(t));
  const spec = getConnectionKind(data.edge.kind);
  const valid = data.valid && spec !== undefined;
  const color = valid ? spec.style.color : '#9AA5B1';
  const text = data.edge.label || (spec ? pick(spec.label) : data.edge.kind);
  const path = `M ${sx},${sy} L ${tx},${ty}`;
  const mx = (sx + tx) / 2;
  const my = (sy + ty) / 2;
  return (
    <>
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      interactionWidth={14}
      className={`k-edge k-edge-${data.edge.kind}${valid ? '' : ' k-edge-invalid'}`}
      style={{
        stroke: color,
        strokeWidth: selected ? 3 : 1.75,
        strokeDasharray: valid ? DASH[spec.style.line] : '6 4',
      }}
    />
    {/* A plain text with a halo: no per-label measuring, which matters with thousands of connections. */}
    <text className={`k-edge-label${valid ? '' : ' k-edge-label-invalid'}`} x={mx} y={my} dy="0.35em" textAnchor="middle">
      {text}
    </text>
    {badge && (
      <g className={`k-edge-badge k-sev-${badge.severity}`} data-testid="edge-badge" data-severity={badge.severity} transform={`translate(${mx}, ${my - 16})`}>
        <title>{badge.messages.join('\n')}</title>
        <circle r={7} />
        <text textAnchor="middle" dy="3.5">
          {badge.severity === 'info' ? 'i' : '!'}
        </text>
      </g>
    )}
    </>
  );
});

export const edgeTypes = { kumozu: KumozuEdge };
