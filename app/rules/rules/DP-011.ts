import { VPC_COMPUTE_SET } from '../../catalog/sets';
import { finding, type Rule } from '../kit';
import { kp, notesB, t, ug } from '../text';

export const DP_011: Rule = {
  id: 'DP-011',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t('Compute in a cluster has no subnets', 'クラスターのコンピューティングにサブネットがない'),
  message: t('{compute} has no subnets: place it in a subnet or connect it to subnets.', '{compute}にはサブネットがありません。サブネットの中に置くか、サブネットに接続してください。'),
  why: t(
    "Managed and self-managed node groups launch instances into the subnets you list, Karpenter into the subnets its EC2NodeClass selects, and Fargate into the profile's subnets; none of them can be created without subnets. Every check of egress, addresses and public exposure also starts from those subnets.",
    'マネージド型・セルフマネージド型ノードグループは指定したサブネットに、Karpenter は EC2NodeClass が選択するサブネットに、Fargate はプロファイルのサブネットにインスタンスや Pod を起動します。サブネットがなければどれも作成できません。外向きの経路、アドレス数、公開範囲のチェックも、すべてこのサブネットから始まります。',
  ),
  fix: t('Drag the compute into a subnet, or connect it to one subnet per AZ.', 'コンピューティングをサブネットの中へドラッグするか、AZ ごとに 1 つのサブネットに接続してください。'),
  sources: [
    ug('create-managed-node-group'),
    ug('fargate-profile'),
    kp('concepts/nodeclasses'),
    notesB('2.3 柔軟なワーカーノード構成', 'flexible worker-node configuration, including network settings'),
  ],
  check(view) {
    return view
      .ofKinds(VPC_COMPUTE_SET)
      .filter((c) => view.clusterOf(c) !== null && view.nodeSubnets(c).length === 0)
      .map((c) => finding([c], { params: { compute: view.name(c) } }));
  },
};
