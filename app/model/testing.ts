import { defaultConnectionProps } from '../catalog/connections';
import { defaultProps, defaultSizeOf, isContainerKind } from '../catalog/registry';
import type { DiagramDocument, DiagramEdge, DiagramNode, JsonObject, PresentationStep } from './types';
import { emptyDocument } from './types';

/**
 * Tiny builders for tests: valid documents in one line each.
 *
 * Nodes get every prop at its default (as a saved file has), overridden by
 * `props`; the label is the id, so messages in assertions are readable (pass
 * `{ label: '' }` through `withLabel` to test kind-name fallbacks).
 * Containers get their default size, as format.md requires.
 */

export function node(id: string, kind: string, parent: string | null = null, props: JsonObject = {}): DiagramNode {
  const n: DiagramNode = {
    id,
    kind,
    label: id,
    parent,
    position: { x: 0, y: 0 },
    props: { ...defaultProps(kind), ...props },
  };
  if (isContainerKind(kind)) n.size = defaultSizeOf(kind);
  return n;
}

export function withLabel(n: DiagramNode, label: string): DiagramNode {
  return { ...n, label };
}

export function edge(id: string, kind: string, source: string, target: string, props: JsonObject = {}): DiagramEdge {
  return { id, kind, source, target, label: '', props: { ...defaultConnectionProps(kind), ...props } };
}

export function step(id: string, nodes: string[], edges: string[] = [], title = id): PresentationStep {
  return { id, title, nodes, edges };
}

export function doc(nodes: DiagramNode[], edges: DiagramEdge[] = [], steps: PresentationStep[] = []): DiagramDocument {
  return { ...emptyDocument('en'), nodes, edges, presentation: { steps } };
}
