import { getConnectionKind, isAllowedPair } from '../catalog/connections';
import { getKind, propSpec } from '../catalog/registry';
import type { DiagramDocument, DiagramEdge, DiagramNode, Json, Lang } from '../model/types';
import { displayText } from './xml';

/**
 * Lookups the Markdown explanation needs, built once per export so that a
 * 1,000-node diagram is explained in linear time: nodes by id and kind,
 * children, and each node's outgoing and incoming connections by kind.
 *
 * Only connections the palette allows are indexed (as the rule engine does,
 * rules.md "Evaluation"): an invalid edge says nothing reliable about the
 * architecture; it is still listed in the connection table.
 */
export class DocIndex {
  readonly byId = new Map<string, DiagramNode>();
  private readonly kinds = new Map<string, DiagramNode[]>();
  private readonly childrenOf = new Map<string | null, DiagramNode[]>();
  private readonly outgoing = new Map<string, DiagramEdge[]>();
  private readonly incoming = new Map<string, DiagramEdge[]>();
  readonly validEdges = new Set<string>();

  constructor(readonly doc: DiagramDocument) {
    for (const n of doc.nodes) {
      this.byId.set(n.id, n);
      push(this.kinds, n.kind, n);
    }
    for (const n of doc.nodes) push(this.childrenOf, n.parent !== null && this.byId.has(n.parent) ? n.parent : null, n);
    for (const e of doc.edges) {
      const s = this.byId.get(e.source);
      const t = this.byId.get(e.target);
      if (!s || !t || !getConnectionKind(e.kind) || !isAllowedPair(e.kind, s.kind, t.kind)) continue;
      this.validEdges.add(e.id);
      push(this.outgoing, `${e.source}\u0000${e.kind}`, e);
      push(this.incoming, `${e.target}\u0000${e.kind}`, e);
    }
  }

  ofKind(...kinds: readonly string[]): DiagramNode[] {
    if (kinds.length === 1) return this.kinds.get(kinds[0] ?? '') ?? [];
    // Document order across kinds, so every list in the text follows the file.
    const wanted = new Set(kinds);
    return this.doc.nodes.filter((n) => wanted.has(n.kind));
  }

  children(id: string | null): DiagramNode[] {
    return this.childrenOf.get(id) ?? [];
  }

  parent(n: DiagramNode): DiagramNode | undefined {
    return n.parent === null ? undefined : this.byId.get(n.parent);
  }

  /** The nearest proper ancestor of one of these kinds (components.md §7.1 `up`). */
  up(n: DiagramNode, kinds: readonly string[]): DiagramNode | undefined {
    let p = this.parent(n);
    for (let depth = 0; p && depth < 64; depth++) {
      if (kinds.includes(p.kind)) return p;
      p = this.parent(p);
    }
    return undefined;
  }

  out(n: DiagramNode, kind: string): DiagramNode[] {
    return (this.outgoing.get(`${n.id}\u0000${kind}`) ?? []).map((e) => this.byId.get(e.target)).filter((x): x is DiagramNode => x !== undefined);
  }

  in(n: DiagramNode, kind: string): DiagramNode[] {
    return (this.incoming.get(`${n.id}\u0000${kind}`) ?? []).map((e) => this.byId.get(e.source)).filter((x): x is DiagramNode => x !== undefined);
  }

  /** A prop's value, or the catalog default when the file lacks it (components.md §1.2). */
  prop(n: DiagramNode, name: string): Json | undefined {
    return n.props[name] ?? propSpec(n.kind, name)?.default;
  }

  str(n: DiagramNode, name: string): string {
    const v = this.prop(n, name);
    return typeof v === 'string' ? v : '';
  }

  bool(n: DiagramNode, name: string): boolean {
    return this.prop(n, name) === true;
  }

  list(n: DiagramNode, name: string): string[] {
    const v = this.prop(n, name);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  /** What the diagram calls the node: its label, else its kind's name. Plain text, not yet escaped. */
  name(n: DiagramNode, lang: Lang): string {
    return displayText(n.label) || kindName(n.kind, lang);
  }
}

export function kindName(kind: string, lang: Lang): string {
  return getKind(kind)?.name[lang] ?? displayText(kind);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
