import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { getKind } from '../../../app/catalog/registry';
import { useI18n } from '../i18n/i18n';
import { NodeBadge } from '../findings/context';
import { useWorkspace } from '../state/context';
import { iconUrl } from '../ui/icons';
import { categoryColor, type KNode, type KNodeData, type KNoteData } from './flow';

/**
 * Custom nodes. Each is memoised and reads only its own data, so dragging one
 * node re-renders one node. Every node has a handle on each side; connections
 * start from any handle and may end anywhere on another node (loose mode).
 */

const SIDES = [
  ['t', Position.Top],
  ['r', Position.Right],
  ['b', Position.Bottom],
  ['l', Position.Left],
] as const;

function Handles() {
  return (
    <>
      {SIDES.map(([id, pos]) => (
        <Handle key={id} id={id} type="source" position={pos} className="k-handle" />
      ))}
    </>
  );
}

function containerClass(data: KNodeData): string {
  const { node } = data;
  const classes = ['k-container', `k-kind-${node.kind}`, `k-cat-${getKind(node.kind)?.category ?? 'unknown'}`];
  if (node.kind === 'subnet') classes.push(node.props.tier === 'public' ? 'k-subnet-public' : 'k-subnet-private');
  return classes.join(' ');
}

const MIN_SIZE = { width: 120, height: 80 };

/**
 * React Flow passes every node its absolute position and z-index too; these
 * nodes draw only from their data and selection, so a moved container does
 * not re-render everything it holds.
 */
function sameView(a: NodeProps<KNode>, b: NodeProps<KNode>): boolean {
  return a.id === b.id && a.data === b.data && a.selected === b.selected && a.type === b.type;
}

export const ContainerNode = memo(function ContainerNode({ id, data, selected }: NodeProps<KNode & { data: KNodeData }>) {
  const ws = useWorkspace();
  const { tx, lang } = useI18n();
  const spec = getKind(data.node.kind);
  const style = { '--k-cat': categoryColor(data.node.kind) } as CSSProperties;
  const tier = data.node.kind === 'subnet' ? data.node.props.tier : undefined;
  const tierLabel = tier === 'public' ? (lang === 'ja' ? 'パブリック' : 'public') : lang === 'ja' ? 'プライベート' : 'private';
  return (
    <div className={containerClass(data)} data-kind={data.node.kind} style={style}>
      <NodeResizer
        isVisible={selected}
        minWidth={MIN_SIZE.width}
        minHeight={MIN_SIZE.height}
        color={categoryColor(data.node.kind)}
        onResizeStart={() => ws.editor.beginGesture('resize')}
        onResize={(_e, p) =>
          ws.dispatch({
            type: 'resizeNode',
            id,
            position: { x: Math.round(p.x), y: Math.round(p.y) },
            size: { width: Math.round(p.width), height: Math.round(p.height) },
          })
        }
        onResizeEnd={() => ws.editor.endGesture()}
      />
      <div className="k-container-title">
        <img className="k-icon-sm" src={iconUrl(spec?.icon ?? 'unknown')} alt="" draggable={false} />
        <span className="k-container-label">{data.node.label || (spec ? tx(spec.name) : data.node.kind)}</span>
        {typeof tier === 'string' && <span className={`k-tier k-tier-${tier === 'public' ? 'public' : 'private'}`}>{tierLabel}</span>}
      </div>
      <NodeBadge id={id} />
      <Handles />
    </div>
  );
}, sameView);

export const LeafNode = memo(function LeafNode({ id, data }: NodeProps<KNode & { data: KNodeData }>) {
  const { tx } = useI18n();
  const spec = getKind(data.node.kind);
  const kindName = spec ? tx(spec.name) : data.node.kind;
  const style = { '--k-cat': categoryColor(data.node.kind) } as CSSProperties;
  return (
    <div className={`k-leaf k-kind-${data.node.kind}`} data-kind={data.node.kind} style={style} title={kindName}>
      <img className="k-icon" src={iconUrl(spec?.icon ?? 'unknown')} alt="" draggable={false} />
      <div className="k-leaf-text">
        <div className="k-leaf-label">{data.node.label || kindName}</div>
        {data.node.label && data.node.label !== kindName && <div className="k-leaf-kind">{kindName}</div>}
      </div>
      <NodeBadge id={id} />
      <Handles />
    </div>
  );
}, sameView);

export const UnknownNode = memo(function UnknownNode({ data }: NodeProps<KNode & { data: KNodeData }>) {
  const { t } = useI18n();
  return (
    <div className="k-leaf k-unknown" data-kind={data.node.kind} title={t('inspector.unknownKind', { kind: data.node.kind })}>
      <img className="k-icon" src={iconUrl('unknown')} alt="" draggable={false} />
      <div className="k-leaf-text">
        <div className="k-leaf-label">{data.node.label || data.node.kind}</div>
        <div className="k-leaf-kind">
          {t('canvas.unknown')}: {data.node.kind}
        </div>
      </div>
      <Handles />
    </div>
  );
}, sameView);

export const NoteNode = memo(function NoteNode({ data }: NodeProps<KNode & { data: KNoteData }>) {
  return (
    <div className="k-note" data-kind="note">
      {data.note.text}
    </div>
  );
}, sameView);

export const nodeTypes = { container: ContainerNode, leaf: LeafNode, unknown: UnknownNode, note: NoteNode };
