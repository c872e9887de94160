import { getCategory } from '../catalog/categories';
import { getConnectionKind } from '../catalog/connections';
import { getKind, propSpec } from '../catalog/registry';
import type { DiagramDocument, DiagramNode, Json, Lang } from '../model/types';
import { SEVERITIES, type Finding } from '../rules/types';
import { DocIndex, kindName } from './doc-index';
import { mdBlockLine, mdHeading, mdLinkDestination, mdParagraphs, mdTable, mdText } from './md';
import { AREAS, areaOf, DATA_PLANE_OPTIONS, KEY_PROPS, SEVERITY_TITLE, TX, type AreaId } from './markdown-texts';
import { MERMAID_MAX_CHARS, MERMAID_MAX_EDGES, mermaidFlowchart } from './mermaid';
import { Overview } from './overview';

export interface RuleDescription {
  readonly title: string;
  readonly why: string;
  readonly fix: string;
}

export interface MarkdownOptions {
  readonly lang: Lang;
  readonly findings: readonly Finding[];
  /** Relative path of an exported image of the diagram, linked under the title. */
  readonly imagePath?: string;
  /**
   * Title, reason and fix of a rule in `lang`, for the findings section.
   * Injected (the caller passes the rule registry) so app/export works, and is
   * tested, without depending on the rule modules.
   */
  readonly describeRule?: (ruleId: string) => RuleDescription | undefined;
}

/**
 * The diagram explained in Markdown, in Japanese or English: what it shows,
 * area by area, how the data-plane options compare, every connection, every
 * component, the check results and a Mermaid flowchart.
 *
 * Pure and deterministic (document order throughout, no dates), and every
 * user-written string is escaped, so the output renders as intended and
 * passes markdownlint with its default rules except MD013 (line length):
 * generated sentences and table rows are not wrapped, because wrapping would
 * break table rows and give noisy diffs.
 */
export function renderMarkdown(doc: DiagramDocument, options: MarkdownOptions): string {
  const { lang } = options;
  const ix = new DocIndex(doc);
  const out: string[] = [];
  const section = (...lines: string[]) => out.push(...lines, '');

  section(`# ${mdHeading(doc.meta.title) || TX.untitled[lang]}`);
  const description = mdParagraphs(doc.meta.description);
  if (description.length > 0) section(...description);
  if (options.imagePath !== undefined && options.imagePath.trim() !== '') {
    const alt = mdText(doc.meta.title) || TX.imageAlt[lang];
    section(`![${alt}](${mdLinkDestination(options.imagePath.trim())})`);
  }

  section(`## ${TX.overview[lang]}`);
  for (const p of new Overview(ix, lang).paragraphs()) section(p);

  const byArea = new Map<AreaId, DiagramNode[]>();
  for (const n of doc.nodes) {
    const area = areaOf(n, ix);
    push(byArea, area, n);
  }
  for (const area of AREAS) {
    const nodes = byArea.get(area.id) ?? [];
    if (area.id === 'other' && nodes.length === 0) continue;
    section(`## ${area.title[lang]}`);
    section(area.intro[lang]);
    if (nodes.length === 0) section(area.empty[lang]);
    else areaSection(nodes, ix, lang, section);
    if (area.id === 'dataPlane') comparison(ix, lang, section);
  }

  connections(doc, ix, lang, section);
  inventory(doc, ix, lang, section);
  findings(ix, options, section);
  notes(doc, lang, section);
  mermaid(doc, ix, lang, section);

  // One trailing newline (MD047), no blank line at the end (MD012).
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

type Section = (...lines: string[]) => void;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One sub-section per kind (add-ons: per add-on type), in order of first appearance. */
function areaSection(nodes: readonly DiagramNode[], ix: DocIndex, lang: Lang, section: Section): void {
  const groups = new Map<string, DiagramNode[]>();
  for (const n of nodes) {
    const key = n.kind === 'addon' ? `addon:${ix.str(n, 'addonType')}` : n.kind;
    push(groups, key, n);
  }
  for (const [key, members] of groups) {
    const first = members[0];
    if (!first) continue;
    const spec = getKind(first.kind);
    const heading = first.kind === 'addon' ? `${kindName('addon', lang)}: ${ix.str(first, 'addonType')}` : kindName(first.kind, lang);
    // The key keeps unknown kinds apart even when two display the same.
    section(`### ${mdHeading(heading) || mdText(key)}`);
    if (spec) section(mdBlockLine(spec.description[lang]));
    section(...members.map((n) => `- ${componentLine(n, ix, lang)}`));
  }
}

function componentLine(n: DiagramNode, ix: DocIndex, lang: Lang): string {
  const parent = ix.parent(n);
  const name = `**${mdText(ix.name(n, lang))}**`;
  const where = parent ? (lang === 'ja' ? `（${TX.inWord.ja}${mdText(ix.name(parent, lang))}）` : ` (${TX.inWord.en} ${mdText(ix.name(parent, lang))})`) : '';
  const props = (KEY_PROPS[n.kind] ?? []).filter((p) => propSpec(n.kind, p) !== undefined);
  if (props.length === 0) return `${name}${where}`;
  const parts = props.map((p) => `${mdText(propSpec(n.kind, p)?.label[lang] ?? p)}${lang === 'ja' ? '：' : ': '}${propValue(ix.prop(n, p), lang)}`);
  return `${name}${where}${lang === 'ja' ? '：' : ': '}${parts.join(lang === 'ja' ? '、' : '; ')}`;
}

/** A prop value in words. */
function propValue(v: Json | undefined, lang: Lang): string {
  if (v === undefined || v === null || v === '') return TX.notSet[lang];
  if (typeof v === 'boolean') return v ? TX.yes[lang] : TX.no[lang];
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return mdText(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return TX.none[lang];
    if (v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map((x) => mdText(String(x))).join(', ');
    return TX.records[lang].replace('{n}', String(v.length));
  }
  return mdText(JSON.stringify(v));
}

function comparison(ix: DocIndex, lang: Lang, section: Section): void {
  section(`### ${TX.comparison[lang]}`);
  section(TX.comparisonIntro[lang]);
  const rows = DATA_PLANE_OPTIONS.map((o) => {
    const count = o.kinds.reduce((n, k) => n + ix.ofKind(k).length, 0);
    return [o.name[lang], o.management[lang], o.customisation[lang], o.cost[lang], o.scaling[lang], o.workloads[lang], count > 0 ? `✓ (${count})` : '—'];
  });
  section(...mdTable([TX.colOption, TX.colManagement, TX.colCustomisation, TX.colCost, TX.colScaling, TX.colWorkloads, TX.colUsed].map((c) => c[lang]), rows));
  if (ix.ofKind('hybridNodePool').length > 0) section(TX.comparisonHybrid[lang]);
}

function connections(doc: DiagramDocument, ix: DocIndex, lang: Lang, section: Section): void {
  section(`## ${TX.connections[lang]}`);
  if (doc.edges.length === 0) {
    section(TX.connectionsEmpty[lang]);
    return;
  }
  const rows = doc.edges.map((e) => {
    const s = ix.byId.get(e.source);
    const t = ix.byId.get(e.target);
    const spec = getConnectionKind(e.kind);
    const kindLabel = spec ? spec.label[lang] : e.kind;
    const custom = mdText(e.label);
    const connection = custom && custom !== mdText(kindLabel) ? `${custom} (${mdText(kindLabel)})` : mdText(kindLabel);
    let meaning = spec && ix.validEdges.has(e.id) ? spec.meaning[lang] : TX.invalidConnection[lang];
    if (e.kind === 'egressVia' && ix.validEdges.has(e.id)) {
      const dest = e.props.destination;
      if (typeof dest === 'string' && dest !== '') meaning += lang === 'ja' ? `${TX.destination.ja}は ${dest} です。` : ` ${TX.destination.en}: ${dest}.`;
    }
    return [s ? mdText(ix.name(s, lang)) : mdText(e.source), connection, t ? mdText(ix.name(t, lang)) : mdText(e.target), mdText(meaning)];
  });
  section(...mdTable([TX.colFrom, TX.colConnection, TX.colTo, TX.colMeaning].map((c) => c[lang]), rows));
}

function inventory(doc: DiagramDocument, ix: DocIndex, lang: Lang, section: Section): void {
  section(`## ${TX.components[lang]}`);
  if (doc.nodes.length === 0) {
    section(TX.componentsEmpty[lang]);
    return;
  }
  const areaTitle = new Map(AREAS.map((a) => [a.id, a.title[lang]]));
  const rows = doc.nodes.map((n) => {
    const spec = getKind(n.kind);
    const parent = ix.parent(n);
    const category = spec ? getCategory(spec.category).name[lang] : '';
    return [
      mdText(ix.name(n, lang)),
      mdText(kindName(n.kind, lang)) + (category ? ` · ${mdText(category)}` : ''),
      areaTitle.get(areaOf(n, ix)) ?? '',
      parent ? mdText(ix.name(parent, lang)) : '',
    ];
  });
  section(...mdTable([TX.colComponent, TX.colKind, TX.colArea, TX.colInside].map((c) => c[lang]), rows));
}

function findings(ix: DocIndex, options: MarkdownOptions, section: Section): void {
  const { lang } = options;
  section(`## ${TX.findings[lang]}`);
  if (options.findings.length === 0) {
    section(TX.findingsNone[lang]);
    return;
  }
  const colon = lang === 'ja' ? '：' : ': ';
  for (const severity of SEVERITIES) {
    const list = options.findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    section(`### ${SEVERITY_TITLE[severity][lang]} (${list.length})`);
    const lines: string[] = [];
    for (const f of list) {
      const names = f.nodes.map((id) => {
        const n = ix.byId.get(id);
        return mdText(n ? ix.name(n, lang) : id);
      });
      lines.push(`- **${mdText(f.rule)}** ${mdText(f.message)}${names.length > 0 ? (lang === 'ja' ? `（${names.join('、')}）` : ` (${names.join(', ')})`) : ''}`);
      const rule = options.describeRule?.(f.rule);
      if (rule) {
        if (rule.title.trim()) lines.push(`  - ${TX.ruleTitle[lang]}${colon}${mdText(rule.title)}`);
        if (rule.why.trim()) lines.push(`  - ${TX.why[lang]}${colon}${mdText(rule.why)}`);
        if (rule.fix.trim()) lines.push(`  - ${TX.fix[lang]}${colon}${mdText(rule.fix)}`);
      }
    }
    section(...lines);
  }
}

function notes(doc: DiagramDocument, lang: Lang, section: Section): void {
  const items = doc.notes.map((n) => mdParagraphs(n.text).filter((l) => l !== '')).filter((lines) => lines.length > 0);
  if (items.length === 0) return;
  section(`## ${TX.notes[lang]}`);
  // Continuation lines are indented into the list item (a lazy paragraph line would also work, but reads worse).
  section(...items.map((lines) => lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n')));
}

function mermaid(doc: DiagramDocument, ix: DocIndex, lang: Lang, section: Section): void {
  if (doc.nodes.length === 0) return;
  section(`## ${TX.mermaid[lang]}`);
  const chart = mermaidFlowchart(doc, ix, lang);
  if (!chart.ok) {
    section(
      TX.mermaidTooLarge[lang]
        .replace('{edges}', String(chart.edges))
        .replace('{chars}', String(chart.chars))
        .replace('{maxEdges}', String(MERMAID_MAX_EDGES))
        .replace('{maxChars}', String(MERMAID_MAX_CHARS)),
    );
    return;
  }
  section(TX.mermaidIntro[lang]);
  section('```mermaid', ...chart.lines, '```');
}
