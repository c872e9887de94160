import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { bp, t, ug } from '../text';
import type { RawFinding } from '../types';

/** AZ IDs where EKS can't place cluster ENIs (UG network-reqs). */
const UNSUPPORTED_AZ_IDS: ReadonlySet<string> = new Set(['use1-az3', 'usw1-az2', 'cac1-az3']);

export const CP_003: Rule = {
  id: 'CP-003',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t('Cluster subnets invalid', 'クラスターサブネットが要件を満たしていない'),
  message: t(
    'Cluster subnets must be in at least two AZs of one VPC, each with at least 6 free IP addresses (16 recommended).',
    'クラスターサブネットは 1 つの VPC の 2 つ以上の AZ にまたがり、それぞれ 6 個以上（推奨は 16 個以上）の空き IP アドレスが必要です。',
  ),
  messages: {
    a: t(
      'Cluster subnets must cover at least two AZs: {cluster} has cluster ENIs in {count} AZ(s).',
      'クラスターサブネットは 2 つ以上の AZ にまたがる必要がありますが、{cluster}のクラスター ENI がある AZ は {count} 個です。',
    ),
    b: t('The cluster subnets of {cluster} span more than one VPC; a cluster lives in exactly one VPC.', '{cluster}のクラスターサブネットが複数の VPC にまたがっています。クラスターは 1 つの VPC にしか置けません。'),
    c1: t('{subnet} has {free} free IP addresses; a cluster subnet needs at least 6.', '{subnet}の空き IP アドレスは {free} 個です。クラスターサブネットには 6 個以上が必要です。'),
    c2: t('{subnet} has only {free} free IP addresses; keep at least 16 free for cluster upgrades.', '{subnet}の空き IP アドレスは {free} 個しかありません。クラスターの更新に備えて 16 個以上空けておくことが推奨されます。'),
    d: t("{subnet} is in an Outpost or Wavelength zone, which can't host cluster ENIs.", '{subnet}は Outposts または Wavelength のゾーンにあり、クラスター ENI を置けません。'),
    e: t("{subnet} is in AZ {azId}, where EKS can't create cluster ENIs.", '{subnet}の AZ（{azId}）には、EKS がクラスター ENI を作成できません。'),
  },
  why: t(
    "EKS refuses to create a cluster whose subnets don't cover two AZs, and a cluster can't span VPCs. Its ENIs are replaced on every version upgrade, so each cluster subnet needs spare addresses; Outposts, Wavelength and a few listed AZ IDs can't host them at all.",
    'サブネットが 2 つの AZ にまたがらないクラスターは EKS が作成を拒否し、クラスターが複数の VPC にまたがることもできません。ENI はバージョン更新のたびに作り直されるため、各クラスターサブネットには空きアドレスが必要です。Outposts、Wavelength と一部の AZ ID には、そもそも ENI を置けません。',
  ),
  fix: t(
    'Add a Cluster ENI in a subnet of a second AZ (a small dedicated subnet per AZ, /27 or larger so that at least 16 addresses stay free), or choose roomier subnets.',
    '2 つ目の AZ のサブネットにクラスター ENI を追加してください（AZ ごとに専用の小さなサブネットを用意し、16 個以上の空きが残るよう /27 以上にします）。または余裕のあるサブネットを選んでください。',
  ),
  sources: [ug('network-reqs', 'Subnet requirements for clusters'), bp('subnets'), bp('ip-opt')],
  check(view) {
    const out: RawFinding[] = [];
    for (const cp of view.controlPlanes()) {
      const subnets = view.clusterSubnets(cp);
      const cluster = view.name(cp);
      const azs = view.distinctAzs(subnets);
      if (subnets.length < 2 || azs < 2) out.push(finding([cp, ...subnets], { subCase: 'a', params: { cluster, count: String(azs) } }));
      const vpcs = new Set(subnets.map((s) => view.vpcOf(s)?.id).filter((id) => id !== undefined));
      if (vpcs.size > 1) out.push(finding([cp, ...subnets], { subCase: 'b', params: { cluster } }));
      const perSubnet = (s: DiagramNode, subCase: string, params: Record<string, string | ReturnType<typeof view.name>> = {}): void => {
        out.push(finding([cp, s], { subCase, key: s.id, params: { subnet: view.name(s), ...params }, ...(subCase === 'c2' ? { severity: 'warning' as const } : {}) }));
      };
      for (const s of subnets) {
        const free = view.freeIps(s);
        if (free !== null && free < 6) perSubnet(s, 'c1', { free: String(free) });
        else if (free !== null && free < 16) perSubnet(s, 'c2', { free: String(free) });
        const zone = view.zoneType(s);
        if (zone === 'outpost' || zone === 'wavelength') perSubnet(s, 'd');
        const box = view.azNode(s);
        const azId = box ? view.str(box, 'azId').trim() : '';
        if (UNSUPPORTED_AZ_IDS.has(azId)) perSubnet(s, 'e', { azId });
      }
    }
    return out;
  },
};
