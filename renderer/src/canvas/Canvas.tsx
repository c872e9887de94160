import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectStartParams,
  type XYPosition,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { inferConnection } from '../../../app/catalog/inference';
import { checkPlacement } from '../../../app/catalog/placement';
import { findNode, topmost, withDescendants } from '../../../app/model/document';
import { absolutePositions, containerAt } from '../../../app/model/geometry';
import type { Point } from '../../../app/model/types';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import { GRID } from '../state/workspace';
import { edgeTypes } from './edges';
import { categoryColor, createFlowMapper, NOTE_PREFIX, withLivePositions, type KEdge, type KNode } from './flow';
import { nodeTypes } from './nodes';
import { draggedKind, PALETTE_MIME } from '../palette/dragData';

/** The node id under a screen point, from the DOM React Flow drew. */
function nodeIdAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const node = el.closest('.react-flow__node');
    const id = node?.getAttribute('data-id');
    if (id && !id.startsWith(NOTE_PREFIX)) return id;
  }
  return null;
}

function clientPoint(event: MouseEvent | TouchEvent | ReactMouseEvent): { x: number; y: number } {
  if ('clientX' in event) return { x: event.clientX, y: event.clientY };
  const touch = event.changedTouches[0];
  return touch ? { x: touch.clientX, y: touch.clientY } : { x: 0, y: 0 };
}

// Props of <ReactFlow> that never change: built once, so a re-render of the
// canvas (every frame of a drag) does not hand React Flow new arrays to store.
const SNAP_GRID: [number, number] = [GRID, GRID];
const PAN_BUTTONS = [1, 2];
const ZOOM_KEYS = ['Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { width: 160, height: 100 };
const minimapColor = (n: KNode): string => (n.type === 'note' ? '#F5D76E' : categoryColor((n.data as { node?: { kind: string } }).node?.kind ?? ''));

const NO_LIVE: ReadonlyMap<string, XYPosition> = new Map();

/**
 * Below this zoom, text on the canvas is a few pixels high and unreadable:
 * the canvas switches to an overview look (styles.css, `.k-far`) that leaves
 * out labels and other small details, which keeps large diagrams fluid.
 * Shapes, colours, line styles and finding badges stay.
 */
export const FAR_ZOOM = 0.3;

/** A node drag in progress. Its positions stay in the canvas until the drop, which is one command. */
interface LiveDrag {
  readonly positions: Map<string, XYPosition>;
  /** The dragged nodes whose parent is not dragged too (computed once: the document does not change during a drag). */
  tops: string[] | null;
  /** Escape (or anything else that ended the gesture) rolled it back; the rest of the drag is ignored. */
  cancelled: boolean;
}

export function Canvas() {
  const ws = useWorkspace();
  const { t } = useI18n();
  const flow = useReactFlow<KNode, KEdge>();
  const state = useStore(ws.editor, (s) => s);
  const selection = useStore(ws.ui, (s) => s.selection);
  const dropTarget = useStore(ws.ui, (s) => s.dropTarget);
  const theme = useStore(ws.ui, (s) => s.theme);
  const snap = useStore(ws.ui, (s) => s.snap);
  const minimap = useStore(ws.ui, (s) => s.minimap);
  const fitRequest = useStore(ws.ui, (s) => s.fitRequest);
  const frameRequest = useStore(ws.ui, (s) => s.frameRequest);
  const noteSizes = useRef(new Map<string, { width: number; height: number }>()).current;
  const mapper = useRef(createFlowMapper((id) => noteSizes.get(id))).current;
  const doc = state.document;
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const drag = useRef<LiveDrag | null>(null);
  const [live, setLive] = useState<ReadonlyMap<string, XYPosition>>(NO_LIVE);

  const selectedIds = useMemo(
    () => new Set([...selection.nodes, ...selection.edges, ...selection.notes.map((id) => NOTE_PREFIX + id)]),
    [selection],
  );
  const docNodes = useMemo(() => mapper.nodes(doc, selectedIds, dropTarget), [mapper, doc, selectedIds, dropTarget]);
  const nodes = useMemo(() => withLivePositions(docNodes, live), [docNodes, live]);
  const kindOf = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.kind])), [doc.nodes]);
  const edges = useMemo(() => mapper.edges(doc, selectedIds, kindOf), [mapper, doc, selectedIds, kindOf]);

  useEffect(() => {
    if (fitRequest === 0) return;
    // Wait a frame so React Flow has measured the new nodes.
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.1, duration: 0 }));
    return () => cancelAnimationFrame(id);
  }, [fitRequest, flow]);

  useEffect(() => {
    if (frameRequest === 0) return;
    const { nodes: ids } = ws.ui.get().selection;
    const id = requestAnimationFrame(() => void flow.fitView({ nodes: ids.map((n) => ({ id: n })), padding: 0.4, maxZoom: 1.5, duration: 200 }));
    return () => cancelAnimationFrame(id);
  }, [frameRequest, flow, ws]);

  // --- selection and moves, translated from React Flow's changes into commands ---
  const liveSelectedIds = useCallback((): Set<string> => {
    const s = ws.ui.get().selection;
    return new Set([...s.nodes, ...s.edges, ...s.notes.map((id) => NOTE_PREFIX + id)]);
  }, [ws]);

  const applySelection = useCallback(
    (sel: ReadonlySet<string>) => {
      const edgeIds = new Set(ws.editor.getState().document.edges.map((e) => e.id));
      const ids = [...sel];
      ws.select({
        nodes: ids.filter((id) => !id.startsWith(NOTE_PREFIX) && !edgeIds.has(id)),
        edges: ids.filter((id) => edgeIds.has(id)),
        notes: ids.filter((id) => id.startsWith(NOTE_PREFIX)).map((id) => id.slice(NOTE_PREFIX.length)),
      });
    },
    [ws],
  );

  // Escape during a drag cancels the editor's gesture (actions.ts): drop the live positions with it.
  useEffect(
    () =>
      ws.editor.subscribe((s) => {
        const d = drag.current;
        if (!d || d.cancelled || s.inGesture) return;
        d.cancelled = true;
        setLive(NO_LIVE);
        ws.ui.set({ dropTarget: null });
      }),
    [ws],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<KNode>[]) => {
      let moved = false;
      let selectionChanged = false;
      // Read the live selection: node and edge changes of one click arrive back to back.
      const sel = liveSelectedIds();
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging) {
          let d = drag.current;
          if (!d) {
            // The gesture is opened now (so Escape can cancel it) and filled on drop, in one step.
            d = drag.current = { positions: new Map(), tops: null, cancelled: false };
            ws.editor.beginGesture('move');
          }
          if (d.cancelled) continue;
          d.positions.set(c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) });
          moved = true;
        } else if (c.type === 'dimensions' && c.dimensions && c.id.startsWith(NOTE_PREFIX)) {
          noteSizes.set(c.id, c.dimensions);
        } else if (c.type === 'select') {
          selectionChanged = true;
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      }
      if (moved && drag.current) setLive(new Map(drag.current.positions));
      if (selectionChanged) applySelection(sel);
    },
    [ws, liveSelectedIds, applySelection, noteSizes],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<KEdge>[]) => {
      if (!changes.some((c) => c.type === 'select')) return;
      const sel = liveSelectedIds();
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
      applySelection(sel);
    },
    [liveSelectedIds, applySelection],
  );

  /** The dragged nodes whose parent is not dragged too: they are the ones that may change container. */
  const draggedTops = useCallback(
    (dragged: readonly KNode[]): string[] => {
      const d = drag.current;
      if (d?.tops) return d.tops;
      const tops = topmost(
        ws.editor.getState().document,
        dragged.map((n) => n.id).filter((id) => !id.startsWith(NOTE_PREFIX)),
      );
      if (d) d.tops = tops;
      return tops;
    },
    [ws],
  );

  /** Where the dragged nodes would land, and whether every one of them may sit there. */
  const planMove = useCallback(
    (tops: readonly string[], pointer: Point) => {
      const d = ws.editor.getState().document;
      const exclude = withDescendants(d, tops);
      const target = containerAt(d, pointer, exclude);
      const targetKind = target === null ? null : (findNode(d, target)?.kind ?? null);
      for (const id of tops) {
        const n = findNode(d, id);
        if (!n || n.parent === target) continue;
        const verdict = checkPlacement(n.kind, targetKind);
        if (!verdict.ok) return { target, refusal: verdict.reason[ws.ui.get().lang] };
      }
      return { target, refusal: null };
    },
    [ws],
  );

  const onNodeDrag = useCallback(
    (event: MouseEvent | TouchEvent | ReactMouseEvent, _node: KNode | undefined, dragged: KNode[]) => {
      if (!drag.current || drag.current.cancelled) return;
      const tops = draggedTops(dragged);
      if (tops.length === 0) return;
      const pointer = flow.screenToFlowPosition(clientPoint(event));
      const plan = planMove(tops, pointer);
      const d = ws.editor.getState().document;
      const changing = tops.some((id) => (findNode(d, id)?.parent ?? null) !== plan.target);
      ws.ui.set({ dropTarget: changing ? plan.target : null });
      if (plan.refusal) ws.showRefusal(plan.refusal, clientPoint(event), true);
      else if (ws.ui.get().refusal) ws.clearRefusal();
    },
    [ws, flow, draggedTops, planMove],
  );

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent | ReactMouseEvent, _node: KNode | undefined, dragged: KNode[]) => {
      ws.ui.set({ dropTarget: null });
      const live = drag.current;
      if (!live) return;
      const tops = draggedTops(dragged);
      // From here on the editor's gesture ends because of the drop, not because of Escape.
      drag.current = null;
      setLive(NO_LIVE);
      if (live.cancelled || !ws.editor.getState().inGesture) return;
      const pointer = flow.screenToFlowPosition(clientPoint(event));
      const plan = planMove(tops, pointer);
      if (plan.refusal) {
        // A refused drop changes nothing: the whole drag is rolled back.
        ws.editor.cancelGesture();
        ws.showRefusal(plan.refusal, clientPoint(event));
        return;
      }
      ws.clearRefusal();
      const moves = [...live.positions].map(([id, position]) => ({ id: id.startsWith(NOTE_PREFIX) ? id.slice(NOTE_PREFIX.length) : id, position }));
      ws.dispatch({ type: 'moveNodes', moves });
      const d = ws.editor.getState().document;
      const abs = absolutePositions(d);
      const base = plan.target === null ? { x: 0, y: 0 } : (abs.get(plan.target) ?? { x: 0, y: 0 });
      for (const id of tops) {
        const n = findNode(d, id);
        const at = abs.get(id);
        if (!n || !at || n.parent === plan.target) continue;
        // Reparenting keeps the node where it is on screen.
        ws.dispatch({ type: 'reparentNode', id, parent: plan.target, position: { x: Math.round(at.x - base.x), y: Math.round(at.y - base.y) } });
      }
      ws.editor.endGesture();
    },
    [ws, flow, draggedTops, planMove],
  );

  // --- connecting ---
  const connectFrom = useRef<string | null>(null);
  const onConnectStart = useCallback(
    (_event: MouseEvent | TouchEvent, params: OnConnectStartParams) => {
      connectFrom.current = params.nodeId;
      const onMove = (e: PointerEvent) => {
        const source = connectFrom.current;
        const target = nodeIdAt(e.clientX, e.clientY);
        if (!source || !target || target === source) {
          if (ws.ui.get().refusal) ws.clearRefusal();
          return;
        }
        const proposal = inferConnection(ws.editor.getState().document, source, target);
        if (proposal.ok) ws.clearRefusal();
        else ws.showRefusal(proposal.reason[ws.ui.get().lang], { x: e.clientX, y: e.clientY }, true);
      };
      const stop = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', stop);
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', stop);
    },
    [ws],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      const source = connectFrom.current ?? connection.fromNode?.id ?? null;
      connectFrom.current = null;
      const at = clientPoint(event);
      const target = connection.toNode?.id ?? nodeIdAt(at.x, at.y);
      if (!source || !target || target === source || target.startsWith(NOTE_PREFIX)) {
        ws.clearRefusal();
        return;
      }
      const result = ws.connect(source, target);
      if (result.ok) ws.clearRefusal();
      else ws.showRefusal(result.reason, at);
    },
    [ws],
  );

  // --- dropping palette entries ---
  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
      event.preventDefault();
      const kind = draggedKind.current;
      if (!kind) return;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const plan = ws.dropPlan(kind, p);
      event.dataTransfer.dropEffect = plan.ok ? 'copy' : 'none';
      ws.ui.set({ dropTarget: plan.parent });
      if (plan.ok) {
        if (ws.ui.get().refusal) ws.clearRefusal();
      } else ws.showRefusal(plan.reason, { x: event.clientX, y: event.clientY }, true);
    },
    [ws, flow],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) || draggedKind.current;
      draggedKind.current = null;
      ws.ui.set({ dropTarget: null });
      if (!kind) return;
      event.preventDefault();
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const plan = ws.dropPlan(kind, p);
      if (!plan.ok) {
        ws.showRefusal(plan.reason, { x: event.clientX, y: event.clientY });
        return;
      }
      ws.clearRefusal();
      ws.addNodeAt(kind, p);
    },
    [ws, flow],
  );

  const onDragLeave = useCallback(
    (event: DragEvent) => {
      // dragleave also fires when moving between elements inside the canvas.
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      ws.ui.set({ dropTarget: null });
    },
    [ws],
  );

  const onPaneClick = useCallback(() => ws.clearRefusal(), [ws]);
  // Dragging a box selection moves its nodes like dragging one of them.
  const onSelectionDrag = useCallback((event: ReactMouseEvent, dragged: KNode[]) => onNodeDrag(event, undefined, dragged), [onNodeDrag]);
  const onSelectionDragStop = useCallback((event: ReactMouseEvent, dragged: KNode[]) => onNodeDragStop(event, undefined, dragged), [onNodeDragStop]);

  return (
    <div className={far ? 'k-canvas k-far' : 'k-canvas'} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop} onDragLeave={onDragLeave}>
      <ReactFlow<KNode, KEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onSelectionDrag={onSelectionDrag}
        onSelectionDragStop={onSelectionDragStop}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        onPaneClick={onPaneClick}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={28}
        colorMode={theme}
        snapToGrid={snap}
        snapGrid={SNAP_GRID}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode="Shift"
        selectionOnDrag
        panOnDrag={PAN_BUTTONS}
        panActivationKeyCode="Space"
        panOnScroll
        zoomOnScroll={false}
        zoomActivationKeyCode={ZOOM_KEYS}
        onlyRenderVisibleElements={false}
        elevateNodesOnSelect={false}
        elevateEdgesOnSelect
        minZoom={0.05}
        maxZoom={4}
        proOptions={PRO_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1} />
        <Controls showInteractive={false} />
        {minimap && <MiniMap<KNode> pannable zoomable style={MINIMAP_STYLE} nodeColor={minimapColor} />}
      </ReactFlow>
      {doc.nodes.length === 0 && <div className="k-canvas-empty">{t('canvas.empty')}</div>}
    </div>
  );
}
