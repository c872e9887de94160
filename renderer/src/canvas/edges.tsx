import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { floatingEnds } from '../../../app/export/edges';
import type { Rect } from '../../../app/model/geometry';
import { getConnectionKind } from '../../../app/catalog/connections';
import { useEdgeBadge } from '../findings/context';
import { useI18n } from '../i18n/i18n';
import type { KEdge } from './flow';

/**
 * A "floating" connection: it runs between the borders of its two nodes along
 * the line joining their centres, so it needs no stored handle and always takes
 * the short way, whatever side the user started the drag from.
 */
function boxOf(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

const DASH = { solid: undefined, dashed: '8 5', dotted: '2 4' } as const;

/** The edge routes itself from its two nodes (useInternalNode): React Flow's handle coordinates are not used. */
function sameEdge(a: EdgeProps<KEdge>, b: EdgeProps<KEdge>): boolean {
  return a.id === b.id && a.source === b.source && a.target === b.target && a.data === b.data && a.selected === b.selected && a.markerEnd === b.markerEnd;
}

export const KumozuEdge = memo(function KumozuEdge({ id, source, target, data, selected, markerEnd }: EdgeProps<KEdge>) {
  const { tx: pick } = useI18n();
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  const badge = useEdgeBadge(id);
  if (!s || !t || !data) return null;
  // The same routing as exported images (app/export/edges.ts), so the canvas and the SVG agree.
  const { from, to } = floatingEnds(boxOf(s), boxOf(t));
  const { x: sx, y: sy } = from;
  const { x: tx, y: ty } = to;
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
}, sameEdge);

export const edgeTypes = { kumozu: KumozuEdge };
