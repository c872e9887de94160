import { EC2_SET } from '../../catalog/sets';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t } from '../text';
import type { RawFinding } from '../types';

const NODE_GROUPS: ReadonlySet<string> = new Set(['managedNodeGroup', 'selfManagedNodeGroup']);

export const SEC_007: Rule = {
  id: 'SEC-007',
  severity: 'warning',
  category: 'security',
  phase: 1,
  title: t('Nodes exposed to the internet', 'ノードがインターネットにさらされている'),
  message: t(
    'Nodes are reachable from the internet: prefer private subnets, and Session Manager over open SSH.',
    'ノードにインターネットから到達できます。プライベートサブネットに置き、SSH を開けるより Session Manager を使いましょう。',
  ),
  messages: {
    a: t(
      '{nodes} launches nodes into the public subnet {subnet}: prefer private subnets behind load balancers.',
      '{nodes}はパブリックサブネット{subnet}にノードを起動します。ロードバランサーの背後にあるプライベートサブネットを使いましょう。',
    ),
    b: t(
      '{nodes} opens SSH to the internet: prefer Session Manager.',
      '{nodes}は SSH をインターネットに開放しています。Session Manager を使いましょう。',
    ),
  },
  why: t(
    'Nodes in private subnets behind load balancers expose far less to attackers. Session Manager gives IAM-controlled, logged shell access without opening port 22 at all.',
    'ロードバランサーの背後のプライベートサブネットに置いたノードは、攻撃者にさらす面がずっと小さくなります。Session Manager なら、ポート 22 を一切開けずに、IAM で制御され記録も残るシェルアクセスが得られます。',
  ),
  fix: t(
    'Move the nodes to private subnets with a NAT gateway, and use Session Manager for shell access.',
    'ノードを NAT ゲートウェイのあるプライベートサブネットに移し、シェルアクセスには Session Manager を使ってください。',
  ),
  sources: [
    bp('protecting-the-infrastructure', 'Deploy workers onto private subnets'),
    bp('protecting-the-infrastructure', 'Minimize access to worker nodes'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const c of view.ofKinds(EC2_SET)) {
      const exposed = view.nodeSubnets(c).find((s) => view.isPublic(s));
      if (exposed) out.push(finding([c], { subCase: 'a', params: { nodes: view.name(c), subnet: view.name(exposed) } }));
      if (NODE_GROUPS.has(c.kind) && view.str(c, 'remoteAccess') === 'sshOpen') {
        out.push(finding([c], { subCase: 'b', params: { nodes: view.name(c) } }));
      }
    }
    return out;
  },
  quickFix(f, view) {
    const c = nodeAt(view, f, 0);
    return f.subCase === 'b' && c ? setPropFix(c, 'remoteAccess', 'ssm') : null;
  },
};
