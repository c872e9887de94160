import { kindName } from '../../catalog/inference';
import { isKnownKind } from '../../catalog/registry';
import { VPC_COMPUTE_SET } from '../../catalog/sets';
import type { Text } from '../../model/types';
import { finding, type Rule } from '../kit';
import { listOf, t, ug } from '../text';
import type { RawFinding } from '../types';

const ZONE_NAMES: Readonly<Record<string, Text>> = {
  outpost: t('an Outpost', 'Outposts'),
  wavelength: t('a Wavelength Zone', 'Wavelength ゾーン'),
  localZone: t('a Local Zone', 'ローカルゾーン'),
};

const NOT_FOR_MNG = ['outpost', 'wavelength'] as const;
const NOT_FOR_FARGATE = ['outpost', 'wavelength', 'localZone'] as const;

export const DP_006: Rule = {
  id: 'DP-006',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t("Compute in a location it can't use", '使えない場所にあるコンピューティング'),
  message: t("{kind} can't run in {location}.", '{kind}は{location}では動きません。'),
  why: t(
    "Apart from hybrid nodes, every node lives in the cluster's VPC. Managed node groups can use Local Zones but not Outposts or Wavelength, Fargate can use none of the three, and self-managed nodes can go anywhere; hybrid nodes are your own on-premises or edge machines, not cloud capacity.",
    'ハイブリッドノードを除き、ノードはすべてクラスターの VPC の中にあります。マネージド型ノードグループはローカルゾーンを使えますが Outposts と Wavelength は使えず、Fargate はそのどれも使えません。セルフマネージド型ノードはどこでも動きます。ハイブリッドノードはお客様自身のオンプレミスやエッジのマシンで、クラウドの容量ではありません。',
  ),
  fix: t('Move the compute, or choose a compute type that fits the location.', 'コンピューティングを移動するか、その場所に合う種類のコンピューティングを選んでください。'),
  sources: [ug('eks-compute'), ug('managed-node-groups'), ug('fargate'), ug('hybrid-nodes-overview')],
  check(view) {
    const out: RawFinding[] = [];
    for (const c of view.ofKinds(VPC_COMPUTE_SET)) {
      const cluster = view.clusterOf(c);
      const home = cluster === null ? undefined : view.clusterVpc(cluster);
      if (home) {
        const foreign = view.nodeSubnets(c).filter((s) => {
          const v = view.vpcOf(s);
          return v !== undefined && v.id !== home.id;
        });
        if (foreign.length > 0) {
          const where = t(`a subnet outside the cluster VPC ${view.name(home).en}`, `クラスターの VPC ${view.name(home).ja}の外のサブネット`);
          out.push(finding([c], { subCase: 'a', params: { kind: kindName(c.kind), location: where } }));
        }
      }
      const banned: readonly string[] = c.kind === 'managedNodeGroup' ? NOT_FOR_MNG : c.kind === 'fargateProfile' ? NOT_FOR_FARGATE : [];
      const zones = view.zoneTypes(c);
      const hit = banned.filter((z) => zones.has(z));
      if (hit.length > 0) {
        const names = hit.map((z) => ZONE_NAMES[z] ?? t(z, z));
        out.push(finding([c], { subCase: c.kind === 'managedNodeGroup' ? 'b' : 'c', params: { kind: kindName(c.kind), location: listOf(names) } }));
      }
    }
    for (const h of view.ofKind('hybridNodePool')) {
      const parent = view.rawParent(h);
      // A parent of unknown kind is not checked for placement (components.md §1.3).
      if (parent && !isKnownKind(parent.kind)) continue;
      if (parent?.kind === 'onPremises') continue;
      const where = parent ? kindName(parent.kind) : t('the cloud (on the canvas)', 'キャンバス上（クラウド側）');
      out.push(finding([h], { subCase: 'd', params: { kind: kindName(h.kind), location: where } }));
    }
    return out;
  },
};
