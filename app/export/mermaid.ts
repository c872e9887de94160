import { getCategory } from '../catalog/categories';
import { getConnectionKind } from '../catalog/connections';
import { getKind } from '../catalog/registry';
import type { DiagramDocument, DiagramNode, Lang } from '../model/types';
import { kindName, type DocIndex } from './doc-index';
import { INVALID_GREY } from './theme';
import { displayText } from './xml';

/**
 * The diagram as a Mermaid flowchart (`flowchart LR`) for the Markdown export:
 * containers become subgraphs, connections keep their label and line style.
 *
 * Safety: node ids are generated (`n0`, `n1`, … in document order), never
 * taken from the file, so no id can be a keyword (`end`), clash or inject
 * syntax. Every label is a quoted string in which the characters Mermaid or
 * the surrounding Markdown could read (`"`, `#`, `&`, `<`, `>`, backtick,
 * `|`, `;`, `%`) are written as Mermaid entity codes (`#34;`), and line
 * breaks are flattened: a label can neither end the string nor the code fence.
 */

/** Mermaid's default limits (`maxEdges`, `maxTextSize`); beyond them it refuses to draw. */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_CHARS = 50_000;

export type MermaidResult = { readonly ok: true; readonly lines: readonly string[] } | { readonly ok: false; readonly edges: number; readonly chars: number };

export function mermaidLabel(s: string): string {
  return displayText(s).replace(/["#&<>`|;%]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function mermaidFlowchart(doc: DiagramDocument, index: DocIndex, lang: Lang): MermaidResult {
  const ids = new Map<string, string>();
  doc.nodes.forEach((n, i) => ids.set(n.id, `n${i}`));
  const lines: string[] = ['flowchart LR'];
  const classes = new Map<string, string[]>();

  const label = (n: DiagramNode): string => {
    const name = mermaidLabel(index.name(n, lang));
    const kind = mermaidLabel(kindName(n.kind, lang));
    return name === kind ? name : `${name}<br/>(${kind})`;
  };
  const visit = (n: DiagramNode, depth: number, seen: Set<string>): void => {
    // A parent chain is acyclic after parsing; the guard keeps a hand-built document from looping.
    if (seen.has(n.id) || depth > 64) return;
    seen.add(n.id);
    const id = ids.get(n.id) ?? '';
    const indent = '  '.repeat(depth + 1);
    const spec = getKind(n.kind);
    const cls = spec ? `k_${spec.category}` : 'k_unknown';
    const members = classes.get(cls);
    if (members) members.push(id);
    else classes.set(cls, [id]);
    const children = index.children(n.id);
    if (children.length > 0) {
      lines.push(`${indent}subgraph ${id}["${label(n)}"]`);
      for (const c of children) visit(c, depth + 1, seen);
      lines.push(`${indent}end`);
    } else {
      lines.push(`${indent}${id}["${label(n)}"]`);
    }
  };
  const seen = new Set<string>();
  for (const n of index.children(null)) visit(n, 0, seen);

  let edgeCount = 0;
  for (const e of doc.edges) {
    const s = ids.get(e.source);
    const t = ids.get(e.target);
    if (s === undefined || t === undefined) continue;
    const spec = getConnectionKind(e.kind);
    const valid = index.validEdges.has(e.id) || (spec !== undefined && (!getKind(index.byId.get(e.source)?.kind ?? '') || !getKind(index.byId.get(e.target)?.kind ?? '')));
    const arrow = spec?.style.arrow !== false;
    const solid = valid && spec?.style.line === 'solid';
    const link = solid ? (arrow ? '-->' : '---') : arrow ? '-.->' : '-.-';
    const text = mermaidLabel(displayText(e.label) || (spec ? spec.label[lang] : e.kind));
    lines.push(text === '' ? `  ${s} ${link} ${t}` : `  ${s} ${link}|"${text}"| ${t}`);
    edgeCount++;
  }

  for (const [cls, members] of [...classes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const color = cls === 'k_unknown' ? INVALID_GREY : getCategory(cls.slice(2))?.color ?? INVALID_GREY;
    lines.push(`  classDef ${cls} stroke:${color},stroke-width:2px`);
    // One class line per 50 members keeps lines readable in a large diagram.
    for (let i = 0; i < members.length; i += 50) lines.push(`  class ${members.slice(i, i + 50).join(',')} ${cls}`);
  }

  const chars = lines.reduce((n, l) => n + l.length + 1, 0);
  if (edgeCount > MERMAID_MAX_EDGES || chars > MERMAID_MAX_CHARS) return { ok: false, edges: edgeCount, chars };
  return { ok: true, lines };
}
