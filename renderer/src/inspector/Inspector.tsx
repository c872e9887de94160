import { memo } from 'react';
import { connectionKindsForPair, defaultConnectionProps, getConnectionKind } from '../../../app/catalog/connections';
import { nodeName } from '../../../app/catalog/inference';
import { isValidPropValue } from '../../../app/catalog/props';
import { getKind } from '../../../app/catalog/registry';
import type { PropSpec } from '../../../app/catalog/types';
import { findEdge, findNode } from '../../../app/model/document';
import type { DiagramDocument, DiagramEdge, DiagramNode, Json, Lang } from '../../../app/model/types';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/context';
import { useStore } from '../state/store';
import { iconUrl } from '../ui/icons';
import { CommitText, PropField } from './fields';

function PropRow({
  spec,
  stored,
  siblings,
  disabledReason,
  onCommit,
}: {
  spec: PropSpec;
  stored: Json | undefined;
  siblings: Readonly<Record<string, Json>>;
  disabledReason?: string | undefined;
  onCommit: (v: Json) => void;
}) {
  const { t, tx } = useI18n();
  const value = stored === undefined ? spec.default : stored;
  const invalid = stored !== undefined && !isValidPropValue(spec, stored);
  return (
    <div className={`k-field${invalid ? ' k-field-flagged' : ''}`}>
      <label title={spec.help ? tx(spec.help) : undefined}>
        {tx(spec.label)} <code className="k-prop-name">{spec.name}</code>
      </label>
      <PropField spec={spec} value={value} siblings={siblings} onCommit={onCommit} disabled={disabledReason !== undefined} />
      {invalid && <div className="k-field-error">{t('inspector.invalidStored', { value: JSON.stringify(stored) })}</div>}
      {disabledReason && <div className="k-muted">{disabledReason}</div>}
      {spec.help && !disabledReason && <div className="k-help">{tx(spec.help)}</div>}
      {spec.informative && <div className="k-help">{t('inspector.informative')}</div>}
    </div>
  );
}

/** Moving a node changes only its position, which the inspector does not show: skip those re-renders while dragging. */
const sameExceptPosition = (a: { node: DiagramNode; parentKind: string | null }, b: { node: DiagramNode; parentKind: string | null }) =>
  a.parentKind === b.parentKind &&
  a.node.id === b.node.id &&
  a.node.kind === b.node.kind &&
  a.node.label === b.node.label &&
  a.node.props === b.node.props;

const NodeInspector = memo(function NodeInspector({ node, parentKind }: { node: DiagramNode; parentKind: string | null }) {
  const ws = useWorkspace();
  const { t, tx } = useI18n();
  const spec = getKind(node.kind);
  const inNamespaceBox = parentKind === 'k8sNamespace';
  const setProp = (name: string, value: Json) => ws.dispatch({ type: 'setProp', target: 'node', id: node.id, name, value }, 'prop');
  return (
    <>
      <div className="k-inspector-head">
        <img src={iconUrl(spec?.icon ?? 'unknown')} alt="" />
        <div>
          <div className="k-inspector-kind">{spec ? tx(spec.name) : node.kind}</div>
          <div className="k-muted">{spec ? tx(spec.description) : t('inspector.unknownKind', { kind: node.kind })}</div>
        </div>
      </div>
      <div className="k-field">
        <label>{t('inspector.label')}</label>
        <CommitText testId="prop-label" value={node.label} onCommit={(label) => ws.dispatch({ type: 'setLabel', target: 'node', id: node.id, label }, 'label')} />
      </div>
      {spec?.props
        .filter((p) => !p.appliesWhen || p.appliesWhen(node.props))
        .map((p) => (
          <PropRow
            key={p.name}
            spec={p}
            stored={node.props[p.name]}
            siblings={node.props}
            disabledReason={p.name === 'namespace' && inNamespaceBox ? t('inspector.greyedNamespace') : undefined}
            onCommit={(v) => setProp(p.name, v)}
          />
        ))}
      {!spec && <pre className="k-raw">{JSON.stringify(node.props, null, 2)}</pre>}
      <div className="k-muted k-id">id: {node.id}</div>
    </>
  );
}, sameExceptPosition);

function nameOf(doc: DiagramDocument, id: string, lang: Lang): string {
  const n = findNode(doc, id);
  return n ? nodeName(n)[lang] : id;
}

function EdgeInspector({ edge, doc }: { edge: DiagramEdge; doc: DiagramDocument }) {
  const ws = useWorkspace();
  const { t, tx, lang } = useI18n();
  const spec = getConnectionKind(edge.kind);
  const sk = findNode(doc, edge.source)?.kind ?? '';
  const tk = findNode(doc, edge.target)?.kind ?? '';
  // Every kind that fits the same pair of endpoint kinds; the user may switch among them.
  const options = [...connectionKindsForPair(sk, tk)];
  if (!options.includes(edge.kind)) options.unshift(edge.kind);
  return (
    <>
      <div className="k-inspector-head">
        <div>
          <div className="k-inspector-kind">{spec ? tx(spec.label) : edge.kind}</div>
          <div className="k-muted">{spec ? tx(spec.meaning) : ''}</div>
        </div>
      </div>
      <div className="k-field">
        <label>{t('inspector.from')}</label>
        <div>{nameOf(doc, edge.source, lang)}</div>
      </div>
      <div className="k-field">
        <label>{t('inspector.to')}</label>
        <div>{nameOf(doc, edge.target, lang)}</div>
      </div>
      <div className="k-field">
        <label>{t('inspector.connectionKind')}</label>
        <select
          data-testid="edge-kind"
          value={edge.kind}
          disabled={options.length < 2}
          onChange={(e) => ws.dispatch({ type: 'setEdgeKind', id: edge.id, kind: e.target.value, props: defaultConnectionProps(e.target.value) }, 'edge kind')}
        >
          {options.map((k) => {
            const c = getConnectionKind(k);
            return (
              <option key={k} value={k}>
                {c ? `${tx(c.label)} (${k})` : k}
              </option>
            );
          })}
        </select>
      </div>
      <div className="k-field">
        <label>{t('inspector.label')}</label>
        <CommitText testId="prop-label" value={edge.label} onCommit={(label) => ws.dispatch({ type: 'setLabel', target: 'edge', id: edge.id, label }, 'label')} />
      </div>
      {spec?.props.map((p) => (
        <PropRow key={p.name} spec={p} stored={edge.props[p.name]} siblings={edge.props} onCommit={(value) => ws.dispatch({ type: 'setProp', target: 'edge', id: edge.id, name: p.name, value }, 'prop')} />
      ))}
      <div className="k-muted k-id">id: {edge.id}</div>
    </>
  );
}

function DiagramInspector({ doc }: { doc: DiagramDocument }) {
  const ws = useWorkspace();
  const { t } = useI18n();
  return (
    <>
      <div className="k-muted">{t('inspector.nothing')}</div>
      <h4>{t('inspector.diagram')}</h4>
      <div className="k-field">
        <label>{t('inspector.title.field')}</label>
        <CommitText testId="meta-title" value={doc.meta.title} onCommit={(title) => ws.dispatch({ type: 'setMeta', meta: { title } }, 'title')} />
      </div>
      <div className="k-field">
        <label>{t('inspector.description')}</label>
        <CommitText testId="meta-description" multiline value={doc.meta.description} onCommit={(description) => ws.dispatch({ type: 'setMeta', meta: { description } }, 'description')} />
      </div>
      <div className="k-field">
        <label>{t('inspector.docLang')}</label>
        <select data-testid="meta-lang" value={doc.meta.lang} onChange={(e) => ws.dispatch({ type: 'setMeta', meta: { lang: e.target.value === 'ja' ? 'ja' : 'en' } }, 'language')}>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </div>
    </>
  );
}

export function Inspector() {
  const ws = useWorkspace();
  const { t } = useI18n();
  const doc = useStore(ws.editor, (s) => s.document);
  const selection = useStore(ws.ui, (s) => s.selection);
  const count = selection.nodes.length + selection.edges.length + selection.notes.length;
  const node = selection.nodes.length === 1 && count === 1 ? findNode(doc, selection.nodes[0] as string) : undefined;
  const edge = selection.edges.length === 1 && count === 1 ? findEdge(doc, selection.edges[0] as string) : undefined;
  const note = selection.notes.length === 1 && count === 1 ? doc.notes.find((n) => n.id === selection.notes[0]) : undefined;
  return (
    <aside className="k-inspector" data-testid="inspector" aria-label={t('inspector.title')}>
      <div className="k-panel-title">{t('inspector.title')}</div>
      <div className="k-inspector-body">
        {node ? (
          <NodeInspector key={node.id} node={node} parentKind={node.parent === null ? null : (findNode(doc, node.parent)?.kind ?? null)} />
        ) : edge ? (
          <EdgeInspector key={edge.id} edge={edge} doc={doc} />
        ) : note ? (
          <div className="k-field">
            <CommitText testId="note-text" multiline value={note.text} onCommit={(text) => ws.dispatch({ type: 'setNoteText', id: note.id, text }, 'note')} />
          </div>
        ) : count > 1 ? (
          <div className="k-muted">{t('inspector.multi', { count })}</div>
        ) : (
          <DiagramInspector doc={doc} />
        )}
      </div>
    </aside>
  );
}
