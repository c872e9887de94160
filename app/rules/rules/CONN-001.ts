import { kindName, type ViolationCode } from '../../catalog/inference';
import { getConnectionKind } from '../../catalog/connections';
import { type Rule } from '../kit';
import { spec, t } from '../text';
import type { RawFinding } from '../types';

const SUB_CASE: Readonly<Record<ViolationCode, string>> = {
  unknownEnd: '',
  unknownKind: 'a',
  pair: 'b',
  managesType: 'c',
  selfLoop: 'd',
  duplicate: 'e',
  limit: 'f',
  cluster: 'g',
};

export const CONN_001: Rule = {
  id: 'CONN-001',
  severity: 'error',
  category: 'diagram',
  phase: 1,
  title: t('Connection the palette does not allow', 'パレットで許可されていない接続'),
  message: t(
    "This {kind} connection from {source} to {target} isn't allowed: {reason}",
    '{source}から{target}への{kind}接続は使えません。{reason}',
  ),
  why: t(
    'Each connection kind has exactly one meaning and the checks depend on it; a subnet connection, for example, decides where nodes take their IP addresses. A connection outside the table has no defined meaning, so nothing can be checked about it and readers of the diagram would be misled.',
    '接続の種類はそれぞれ意味が 1 つに決まっており、チェックはその意味に頼っています。たとえばサブネット接続は、ノードがどこから IP アドレスを得るかを決めます。表にない接続には意味がないため何も確認できず、図を読む人を誤解させてしまいます。',
  ),
  fix: t(
    'Delete the connection, or redraw it between the right components and let the editor choose its kind.',
    '接続を削除するか、正しいコンポーネント同士で引き直して、種類はエディターに選ばせてください。',
  ),
  sources: [spec('§5–§6')],
  check(view) {
    const out: RawFinding[] = [];
    const violations = view.edgeCheck.violations;
    for (const e of view.allEdges) {
      const v = violations.get(e.id);
      const source = view.anyNode(e.source);
      const target = view.anyNode(e.target);
      if (!v || !source || !target) continue;
      const label = getConnectionKind(e.kind)?.label ?? t(e.kind, e.kind);
      out.push({
        nodes: [source.id, target.id],
        edges: [e.id],
        subCase: SUB_CASE[v.code] || undefined,
        // One finding per reported edge: two bad edges from one node are two problems.
        key: e.id,
        params: {
          kind: t(`“${label.en}”`, `「${label.ja}」`),
          source: kindName(source.kind),
          target: kindName(target.kind),
          reason: v.reason,
        },
      });
    }
    return out;
  },
};
