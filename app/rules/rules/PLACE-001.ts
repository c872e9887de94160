import { kindName } from '../../catalog/inference';
import { checkPlacement } from '../../catalog/placement';
import { getKind, isKnownKind } from '../../catalog/registry';
import type { Text } from '../../model/types';
import { finding, type Rule } from '../kit';
import { notesA, spec, t } from '../text';
import type { RawFinding } from '../types';

const CANVAS = t('on the canvas', 'キャンバス');

/** Where a node sits, for the message: "in VPC" / 「VPC」, or the canvas. */
function placeName(parentKind: string | null): Text {
  if (parentKind === null) return CANVAS;
  const k = kindName(parentKind);
  return t(`in ${k.en}`, k.ja);
}

function allowedPlaces(kind: string): Text {
  const refs = getKind(kind)?.allowedParents ?? [];
  const places = refs.map((r) => (r === 'root' ? CANVAS : placeName(r)));
  const en = places.length <= 1 ? (places[0]?.en ?? '') : `${places.slice(0, -1).map((p) => p.en).join(', ')} or ${places[places.length - 1]?.en ?? ''}`;
  return t(en, places.map((p) => p.ja).join('、'));
}

export const PLACE_001: Rule = {
  id: 'PLACE-001',
  severity: 'error',
  category: 'diagram',
  phase: 1,
  title: t('Component in a container where it cannot sit', '置けないコンテナに置かれたコンポーネント'),
  message: t("{kind} can't sit {parent}; it belongs {allowed}.", '{kind}は{parent}に置けません。置ける場所は{allowed}です。'),
  why: t(
    'Containment in Kumozu mirrors where AWS really creates each resource, and the other checks read meaning from it: the subnet a node group sits in decides whether its nodes are public, and the namespace box decides which Fargate selectors match. A component in the wrong box gives every other check a wrong or empty answer.',
    'Kumozu の入れ子は、AWS が各リソースを実際に作成する場所をそのまま表しており、ほかのチェックもそこから意味を読み取ります。たとえばノードグループが入っているサブネットでノードがパブリックかどうかが決まり、名前空間のボックスで Fargate のセレクターに一致するかが決まります。間違った箱に入っていると、ほかのすべてのチェックが誤った答えや空の答えを返してしまいます。',
  ),
  fix: t(
    'Drag the component into one of the allowed containers. The editor refuses such drops, so this only appears for files loaded from disk.',
    'コンポーネントを置ける場所のコンテナへドラッグしてください。エディター上ではこのような配置は拒否されるため、この指摘はファイルから読み込んだ図でのみ表示されます。',
  ),
  sources: [spec('§3'), notesA('EKSのアーキテクチャ', 'EKS architecture: what lives in the AWS account and what in yours')],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.nodes) {
      const parent = view.rawParent(x);
      // A parent of unknown kind is not checked (components.md §1.3).
      if (parent && !isKnownKind(parent.kind)) continue;
      const verdict = checkPlacement(x.kind, parent?.kind ?? null);
      // CP-001, CP-002 and DP-006 explain their own cases; this rule takes the rest.
      if (verdict.ok || verdict.rule !== 'PLACE-001') continue;
      out.push(
        finding(parent ? [x, parent] : [x], {
          params: { kind: kindName(x.kind), parent: placeName(parent?.kind ?? null), allowed: allowedPlaces(x.kind) },
        }),
      );
    }
    return out;
  },
};
