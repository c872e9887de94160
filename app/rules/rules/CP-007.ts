import { finding, type Rule } from '../kit';
import { bp, notesA, t, ug } from '../text';
import type { RawFinding } from '../types';

export const CP_007: Rule = {
  id: 'CP-007',
  severity: 'error',
  category: 'endpoint',
  phase: 1,
  title: t('kubectl outside the VPC with a private-only endpoint', 'プライベート専用エンドポイントに VPC の外から kubectl'),
  message: t("{client} can't reach the private-only API endpoint of {cluster}.", '{client}からは、{cluster}のプライベート専用 API エンドポイントに到達できません。'),
  why: t(
    'With the public endpoint off, API calls must come from inside the cluster VPC or from a network connected to it by peering, a transit gateway, VPN or Direct Connect. The cluster security group must also admit HTTPS from that client.',
    'パブリックエンドポイントがオフの場合、API の呼び出しはクラスターの VPC 内か、ピアリング、Transit Gateway、VPN、Direct Connect で接続されたネットワークから行う必要があります。クラスターのセキュリティグループも、そのクライアントからの HTTPS を許可していなければなりません。',
  ),
  fix: t(
    "Use a bastion or Session Manager host inside the VPC, or connect the client's network; re-enable public access only with a tight CIDR list.",
    'VPC 内の踏み台ホストや Session Manager を使うか、クライアントのネットワークを VPC に接続してください。パブリックアクセスを再び有効にするなら、CIDR の許可リストを絞り込んでください。',
  ),
  sources: [notesA('コントロールプレーン', 'control plane'), ug('cluster-endpoint', 'Accessing a private only API server'), bp('subnets')],
  check(view) {
    const out: RawFinding[] = [];
    for (const k of view.ofKind('kubectlClient')) {
      const home = view.parent(k);
      for (const cp of view.out(k, 'callsApi')) {
        if (view.bool(cp, 'endpointPublicAccess') || !view.bool(cp, 'endpointPrivateAccess')) continue;
        const vpc = view.clusterVpc(cp.id);
        let subCase: string | null = null;
        if (home?.kind === 'internet') subCase = 'a';
        else if (home?.kind === 'onPremises' && vpc && !view.onPremReaches(home, vpc)) subCase = 'b';
        else if (home?.kind === 'subnet' && vpc) {
          const own = view.vpcOf(home);
          if (own && !view.vpcConnected(own, vpc)) subCase = 'c';
        }
        if (subCase) out.push(finding([k, cp], { subCase, key: cp.id, params: { client: view.name(k), cluster: view.name(cp) } }));
      }
    }
    return out;
  },
};
