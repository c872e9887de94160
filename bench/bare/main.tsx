import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The baseline of `npm run bench`: React Flow as shipped, with N default
 * nodes in a grid and about 1.5·N default edges, so the same drag and pan can
 * be timed here and in Kumozu in the same run. `?n=1000` sets N. The
 * interaction props that matter for the gestures (pan buttons, zoom limits,
 * rendering every element rather than only the visible ones) are the ones
 * Kumozu's canvas uses; styles are React Flow's own.
 */

function grid(n: number): { nodes: Node[]; edges: Edge[] } {
  // Roughly the canvas's aspect ratio, so fit view fills it.
  const columns = Math.max(1, Math.ceil(Math.sqrt(n * 1.6)));
  const nodes: Node[] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `n${i}`, position: { x: (i % columns) * 220, y: Math.floor(i / columns) * 110 }, data: { label: `Node ${i}` } });
  }
  const edges: Edge[] = [];
  // Right neighbour for every node, the one below for every other: ~1.5 edges per node.
  for (let i = 0; i < n; i++) {
    if ((i + 1) % columns !== 0 && i + 1 < n) edges.push({ id: `r${i}`, source: `n${i}`, target: `n${i + 1}` });
    if (i % 2 === 0 && i + columns < n) edges.push({ id: `d${i}`, source: `n${i}`, target: `n${i + columns}` });
  }
  return { nodes, edges };
}

const n = Number(new URLSearchParams(location.search).get('n') ?? '100');
const initial = grid(Number.isFinite(n) && n > 0 ? Math.floor(n) : 100);

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(initial.nodes);
  const [edges, , onEdgesChange] = useEdgesState(initial.edges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      fitView
      panOnDrag={[1, 2]}
      selectionOnDrag
      onlyRenderVisibleElements={false}
      minZoom={0.05}
      maxZoom={4}
      proOptions={{ hideAttribution: true }}
    />
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <div style={{ width: '100%', height: '100%' }} data-testid="canvas">
        <Bare />
      </div>
    </StrictMode>,
  );
}
