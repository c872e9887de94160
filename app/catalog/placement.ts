import type { Text } from '../model/types';
import { ja, kindName } from './inference';
import { allKinds, getKind } from './registry';

/**
 * Where a kind may sit (components.md §1.3, §3) and which rule explains a
 * refusal. The same answer serves the editor (refuse the drop, show the
 * reason) and the rules (CP-001, CP-002 (a)/(b), DP-006 (d), PLACE-001 on a
 * loaded file), so the tooltip and the finding always agree.
 */

export type PlacementRule = 'CP-001' | 'CP-002' | 'DP-006' | 'PLACE-001';

export type PlacementCheck = { readonly ok: true } | { readonly ok: false; readonly rule: PlacementRule; readonly reason: Text };

const OK: PlacementCheck = { ok: true };
const t = (en: string, ja: string): Text => ({ en, ja });

/** 「キャンバス」 for root, else the container's catalog name. */
function placeNameJa(parentKind: string | null): string {
  return parentKind === null ? 'キャンバス' : kindName(parentKind).ja;
}

/** "on the canvas" for root, else "in {container}". */
function whereEn(parentKind: string | null): string {
  return parentKind === null ? 'on the canvas' : `in ${kindName(parentKind).en}`;
}

/** "A, B or C". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** `parentKind` may hold `kind`: it is a container (or root) and listed among the kind's allowed parents. */
function isAllowed(kind: string, parentKind: string | null): boolean {
  const spec = getKind(kind);
  if (!spec) return true;
  if (parentKind === null) return spec.allowedParents.includes('root');
  return (getKind(parentKind)?.container ?? false) && spec.allowedParents.includes(parentKind);
}

/**
 * Can a node of `kind` sit in a parent of `parentKind` (`null` = root)?
 * Unknown kinds at either end are not checked (§1.3): an unknown child is
 * inert, and nothing is known about what an unknown container may hold.
 * A refusal names the specific rule when one covers the case, else PLACE-001.
 */
export function checkPlacement(kind: string, parentKind: string | null): PlacementCheck {
  const spec = getKind(kind);
  if (!spec) return OK;
  if (parentKind !== null && !getKind(parentKind)) return OK;
  if (isAllowed(kind, parentKind)) return OK;
  return { ok: false, ...explain(kind, parentKind) };
}

function explain(kind: string, parentKind: string | null): { rule: PlacementRule; reason: Text } {
  if (kind === 'eksControlPlane') {
    return {
      rule: 'CP-001',
      reason: t(
        'The EKS control plane runs in an AWS-managed account, not in your account or VPC.',
        'EKS コントロールプレーンは AWS 管理アカウントで動きます。お客様のアカウントや VPC には置けません。',
      ),
    };
  }
  if (parentKind === 'awsManagedAccount') {
    const k = kindName(kind);
    return {
      rule: 'CP-002',
      reason: t(
        `Only the control plane lives in the AWS-managed account; ${k.en} belongs in your own account.`,
        ja`AWS 管理アカウントに置けるのはコントロールプレーンだけです。${k.ja}はお客様のアカウント側に置いてください。`,
      ),
    };
  }
  if (kind === 'clusterEni') {
    return {
      rule: 'CP-002',
      reason: t(
        'A cluster ENI sits in one of your subnets: EKS places these cross-account ENIs only in the subnets you give the cluster.',
        'クラスター ENI はお客様のサブネットの中に置きます。EKS はクラスターに指定したサブネットにだけクロスアカウント ENI を作成します。',
      ),
    };
  }
  if (kind === 'hybridNodePool') {
    return {
      rule: 'DP-006',
      reason: t(
        `Hybrid nodes can't run ${whereEn(parentKind)}: they are your own machines, so they sit in an on-premises network.`,
        ja`ハイブリッドノードは${placeNameJa(parentKind)}では動きません。お客様自身のマシンなので、オンプレミス環境の中に置いてください。`,
      ),
    };
  }
  return { rule: 'PLACE-001', reason: placeReason(kind, parentKind) };
}

/** PLACE-001: "{kind} can't sit in {parent}; it belongs in {allowed parents}." */
function placeReason(kind: string, parentKind: string | null): Text {
  const k = kindName(kind);
  const refs = getKind(kind)?.allowedParents ?? [];
  const containers = refs.filter((ref) => ref !== 'root').map((ref) => kindName(ref));
  const en = [...(refs.includes('root') ? ['on the canvas'] : []), ...(containers.length > 0 ? [`in ${orList(containers.map((c) => c.en))}`] : [])];
  const jaPlaces = [...(refs.includes('root') ? ['キャンバス'] : []), ...containers.map((c) => c.ja)];
  return t(
    `${k.en} can't sit ${whereEn(parentKind)}; it belongs ${en.join(' or ')}.`,
    ja`${k.ja}を${placeNameJa(parentKind)}に置くことはできません。置ける場所: ${jaPlaces.join('、')}。`,
  );
}

/**
 * Kinds that may be dropped into a parent of `parentKind` (`null` = root), in
 * catalog order. Leaves and unknown kinds hold nothing.
 */
export function allowedChildKinds(parentKind: string | null): string[] {
  if (parentKind !== null && !getKind(parentKind)?.container) return [];
  return allKinds()
    .filter((k) => isAllowed(k.kind, parentKind))
    .map((k) => k.kind);
}
