import type { Text } from '../model/types';

/**
 * The quiz (issue 6): multiple-choice questions drawn from the exam points of
 * the study notes (shared/notes, "notes A" and "notes B" as in rules.md),
 * each linked to the component kinds it is about, with an explanation shown
 * after answering. Facts follow the notes, with the corrections listed at the
 * end of rules.md where the notes are out of date.
 */

export interface QuizChoice {
  readonly text: Text;
  readonly correct: boolean;
}

export interface QuizQuestion {
  readonly id: string;
  /** The exam point it tests, as a short tag (shown above the question). */
  readonly topic: Text;
  readonly question: Text;
  readonly choices: readonly QuizChoice[];
  readonly explanation: Text;
  /** Where the fact comes from: a section of the notes or of the rule catalog. */
  readonly source: Text;
  /** Component kinds (components.md) the question is about. */
  readonly kinds: readonly string[];
}

const right = (en: string, ja: string): QuizChoice => ({ text: { en, ja }, correct: true });
const wrong = (en: string, ja: string): QuizChoice => ({ text: { en, ja }, correct: false });

export const QUIZ: readonly QuizQuestion[] = [
  {
    id: 'control-plane-where',
    topic: { en: 'Control plane', ja: 'コントロールプレーン' },
    question: {
      en: 'Who runs the Kubernetes control plane of an EKS cluster (API server, scheduler, etcd), and where does it live?',
      ja: 'EKS クラスターの Kubernetes コントロールプレーン（API サーバー、スケジューラー、etcd）を運用するのは誰で、どこにありますか？',
    },
    choices: [
      wrong('You do, on EC2 instances in your own VPC', '利用者が、自分の VPC 内の EC2 インスタンス上で運用する'),
      right('AWS does, fully managed, in an AWS-managed account', 'AWS がフルマネージドで、AWS が管理するアカウント上で運用する'),
      wrong('Nobody: EKS has no control plane, only worker nodes', '誰も運用しない。EKS にはコントロールプレーンがなく、ワーカーノードだけがある'),
      wrong('You do, on a Fargate profile you create for kube-system', '利用者が、kube-system 用に作る Fargate プロファイル上で運用する'),
    ],
    explanation: {
      en: 'EKS provides the control plane as a managed service: its components are created in an account AWS manages, and the Kubernetes API is exposed through an endpoint. You focus on the worker nodes and your applications.',
      ja: 'EKS はコントロールプレーンをマネージドサービスとして提供します。構成要素は AWS が管理するアカウントに作られ、Kubernetes API はエンドポイント経由で公開されます。利用者はワーカーノードとアプリケーションに集中できます。',
    },
    source: { en: 'Notes A「EKSのアーキテクチャ」; notes B 2.2, 8.2', ja: 'ノート A「EKSのアーキテクチャ」、ノート B 2.2・8.2' },
    kinds: ['eksControlPlane', 'awsManagedAccount'],
  },
  {
    id: 'data-plane-where',
    topic: { en: 'Data plane', ja: 'データプレーン' },
    question: {
      en: 'Where is the data plane (the worker nodes that run your pods) created?',
      ja: 'データプレーン（Pod を実行するワーカーノード）はどこに作られますか？',
    },
    choices: [
      right('In your own AWS account, in your VPC', '利用者自身の AWS アカウントの VPC 内'),
      wrong('In the AWS-managed account, next to the control plane', 'コントロールプレーンと同じ AWS 管理のアカウント内'),
      wrong('Outside AWS, on servers run by the Kubernetes project', 'AWS の外の、Kubernetes プロジェクトが運用するサーバー上'),
    ],
    explanation: {
      en: 'The control plane lives in an AWS-managed account; the data plane is created in your account. You choose between managed node groups, self-managed nodes, Karpenter and Fargate (and hybrid nodes on premises).',
      ja: 'コントロールプレーンは AWS 管理のアカウントに、データプレーンは利用者のアカウントに作られます。マネージド型ノードグループ、セルフマネージド型ノード、Karpenter、Fargate（オンプレミスならハイブリッドノード）から選べます。',
    },
    source: { en: 'Notes A「EKSのアーキテクチャ」「データプレーン」', ja: 'ノート A「EKSのアーキテクチャ」「データプレーン」' },
    kinds: ['customerAccount', 'vpc', 'managedNodeGroup'],
  },
  {
    id: 'endpoint-private',
    topic: { en: 'API endpoint', ja: 'API エンドポイント' },
    question: {
      en: 'You switch the cluster endpoint to private access only. How do kubectl and the nodes reach the Kubernetes API now?',
      ja: 'クラスターのエンドポイントをプライベートアクセスのみにしました。kubectl とノードはどうやって Kubernetes API に届きますか？',
    },
    choices: [
      wrong('Over the internet, limited by a CIDR allow-list', 'インターネット経由で、CIDR の許可リストで制限される'),
      right('Through the cluster ENIs in your VPC, so kubectl must run in the VPC or a network connected to it', 'VPC 内のクラスター ENI 経由。kubectl は VPC 内かそこにつながったネットワークから実行する'),
      wrong('Through the NAT gateway of a public subnet', 'パブリックサブネットの NAT ゲートウェイ経由'),
      wrong('They can\'t: EKS requires the public endpoint', '届かない。EKS ではパブリックエンドポイントが必須'),
    ],
    explanation: {
      en: 'The endpoint can be public, private, or both. Public access goes over the internet and can be limited by CIDR; private access uses ENIs in your VPC over the AWS network. With private only, use a bastion or Session Manager host in the VPC, or VPN, Direct Connect, peering or a transit gateway.',
      ja: 'エンドポイントはパブリック、プライベート、その併用から選べます。パブリックはインターネット経由で CIDR による制限が可能、プライベートは VPC 内の ENI を使い AWS のネットワーク経由で通信します。プライベートのみなら、VPC 内の踏み台や Session Manager のホスト、または VPN・Direct Connect・ピアリング・Transit Gateway を使います。',
    },
    source: { en: 'Notes A「コントロールプレーン」; rule CP-007', ja: 'ノート A「コントロールプレーン」、ルール CP-007' },
    kinds: ['eksControlPlane', 'clusterEni', 'kubectlClient'],
  },
  {
    id: 'mng-steady',
    topic: { en: 'Data-plane options', ja: 'データプレーンの選択肢' },
    question: {
      en: 'A steady web application and its microservices run all day. The team wants little node upkeep and still wants EC2 instances. Which data-plane option fits best?',
      ja: '安定した Web アプリとマイクロサービスが終日動いています。ノードの運用はなるべく減らしたいが EC2 インスタンスは使いたい場合、どのデータプレーンが最適ですか？',
    },
    choices: [
      right('Managed node groups', 'マネージド型ノードグループ'),
      wrong('Self-managed nodes', 'セルフマネージド型ノード'),
      wrong('Fargate', 'Fargate'),
    ],
    explanation: {
      en: 'AWS automates node management for managed node groups (patching, scaling settings), so the operational burden is low and cost efficiency is good for general use, better still with Spot. They scale through Auto Scaling groups at medium speed, which suits continuously running services.',
      ja: 'マネージド型ノードグループでは AWS がノード管理（パッチ適用やスケール設定）を自動化するため運用負担が低く、一般的な用途で適切なコスト効率を実現でき、スポットインスタンスでさらに最適化できます。Auto Scaling グループを基盤とするためスケーリング速度は中程度で、継続的に動くサービスに向いています。',
    },
    source: { en: 'Notes A「データプレーン」(comparison table)', ja: 'ノート A「データプレーン」（比較表）' },
    kinds: ['managedNodeGroup'],
  },
  {
    id: 'self-managed-hpc',
    topic: { en: 'Data-plane options', ja: 'データプレーンの選択肢' },
    question: {
      en: 'An HPC batch system needs full control over instances, networking and security settings, and the team accepts the upkeep. Which option do the notes recommend?',
      ja: 'HPC のバッチ処理で、インスタンス・ネットワーク・セキュリティ設定を完全に制御する必要があり、チームは運用負荷を受け入れます。ノートが勧める選択肢はどれですか？',
    },
    choices: [
      wrong('Fargate', 'Fargate'),
      wrong('Managed node groups', 'マネージド型ノードグループ'),
      right('Self-managed nodes', 'セルフマネージド型ノード'),
      wrong('The EKS control plane itself', 'EKS コントロールプレーンそのもの'),
    ],
    explanation: {
      en: 'Self-managed nodes are fully customisable (instances, network, security) and suit HPC and special security requirements, but you manage everything yourself: AMI patches, kubelet upgrades, draining and scaling.',
      ja: 'セルフマネージド型ノードはインスタンス・ネットワーク・セキュリティまで完全にカスタマイズでき、HPC や特殊なセキュリティ要件に向きますが、AMI のパッチ、kubelet の更新、ドレインやスケーリングまですべて自分で管理します。',
    },
    source: { en: 'Notes A「データプレーン」; rule DP-007', ja: 'ノート A「データプレーン」、ルール DP-007' },
    kinds: ['selfManagedNodeGroup'],
  },
  {
    id: 'karpenter-spiky',
    topic: { en: 'Data-plane options', ja: 'データプレーンの選択肢' },
    question: {
      en: 'Irregular batch jobs arrive in sudden bursts, and cost matters most. Which option scales fastest and makes the most of Spot instances?',
      ja: '不定期のバッチジョブが急に大量に届き、コストが最も重要です。最も速くスケールし、スポットインスタンスを最大限に生かせるのはどれですか？',
    },
    choices: [
      wrong('Managed node groups with a fixed size', 'サイズ固定のマネージド型ノードグループ'),
      right('Karpenter', 'Karpenter'),
      wrong('Fargate with the Spot capacity type', 'Spot キャパシティタイプの Fargate'),
    ],
    explanation: {
      en: 'Karpenter provisions just the instances that pending pods need, almost immediately, so little is over-allocated, and Spot cuts costs further. Fargate on EKS has no Spot option (rule DP-003).',
      ja: 'Karpenter は保留中の Pod に必要なインスタンスだけをほぼ即座にプロビジョニングするため過剰な割り当てが少なく、スポットの活用でさらにコストを下げられます。EKS の Fargate には Spot がありません（ルール DP-003）。',
    },
    source: { en: 'Notes A「データプレーン」; rule DP-003', ja: 'ノート A「データプレーン」、ルール DP-003' },
    kinds: ['karpenterNodePool'],
  },
  {
    id: 'fargate-traits',
    topic: { en: 'EC2 vs Fargate', ja: 'EC2 と Fargate' },
    question: {
      en: 'Which statement about Fargate on EKS is true?',
      ja: 'EKS の Fargate について正しいものはどれですか？',
    },
    choices: [
      wrong('It runs DaemonSets on every Fargate node', 'すべての Fargate ノードで DaemonSet を実行する'),
      wrong('Its pods can use public subnets and get public IP addresses', 'Pod はパブリックサブネットを使い、パブリック IP を持てる'),
      right('There are no instances to manage, and long-running workloads tend to cost more than on EC2', '管理するインスタンスがなく、長時間動くワークロードでは EC2 より割高になりがち'),
      wrong('It lets you choose the instance type and AMI of each node', 'ノードごとにインスタンスタイプや AMI を選べる'),
    ],
    explanation: {
      en: 'Fargate is serverless: no instances to manage and scaling per pod, but little room to customise. You pay for the vCPU and memory your pods use, which makes it costly for long-running work; it suits temporary, small or experimental workloads. Profiles take private subnets only, and DaemonSets don\'t run there.',
      ja: 'Fargate はサーバーレスで、インスタンス管理が不要で Pod 単位にスケールしますが、カスタマイズの余地はほとんどありません。Pod が使う vCPU とメモリに対して課金されるため長時間動くワークロードでは割高になりがちで、一時的・小規模・実験的なワークロードに向きます。プロファイルにはプライベートサブネットしか指定できず、DaemonSet も動きません。',
    },
    source: { en: 'Notes A「データプレーン」; notes B 2.3, 5, 8.3; rules DP-001, DP-002, COST-003', ja: 'ノート A「データプレーン」、ノート B 2.3・5・8.3、ルール DP-001・DP-002・COST-003' },
    kinds: ['fargateProfile'],
  },
  {
    id: 'alb-ingress',
    topic: { en: 'ALB vs NLB', ja: 'ALB と NLB' },
    question: {
      en: 'You want HTTPS requests routed by path to several Services, declared in an Ingress. Which load balancer do you get, and what creates it?',
      ja: 'HTTPS リクエストをパスで複数の Service に振り分け、Ingress で宣言したい場合、どのロードバランサーになり、何がそれを作りますか？',
    },
    choices: [
      right('An Application Load Balancer, created by the AWS Load Balancer Controller', 'Application Load Balancer。AWS Load Balancer Controller が作成する'),
      wrong('A Network Load Balancer, created by kube-proxy', 'Network Load Balancer。kube-proxy が作成する'),
      wrong('A Classic Load Balancer, created by the EKS control plane', 'Classic Load Balancer。EKS コントロールプレーンが作成する'),
    ],
    explanation: {
      en: 'An ALB works at layer 7 (HTTP, HTTPS, gRPC) and is what an Ingress of class alb yields. The AWS Load Balancer Controller watches Ingresses and creates and updates the ALB; without it, nothing creates one (rule LB-001).',
      ja: 'ALB はレイヤー 7（HTTP・HTTPS・gRPC）で動作し、クラス alb の Ingress から作られます。AWS Load Balancer Controller が Ingress を監視して ALB を作成・更新します。コントローラーがなければ何も作られません（ルール LB-001）。',
    },
    source: { en: 'Notes B 2.4, 8.4; rules LB-001, LB-002', ja: 'ノート B 2.4・8.4、ルール LB-001・LB-002' },
    kinds: ['applicationLoadBalancer', 'ingress'],
  },
  {
    id: 'nlb-udp',
    topic: { en: 'ALB vs NLB', ja: 'ALB と NLB' },
    question: {
      en: 'A game server speaks UDP. How do you expose it through a load balancer?',
      ja: 'ゲームサーバーが UDP で通信します。ロードバランサー経由で公開するにはどうしますか？',
    },
    choices: [
      wrong('An Ingress with an ALB listener for UDP', 'UDP リスナーを持つ ALB を Ingress で作る'),
      right('A Service of type LoadBalancer, which yields a Network Load Balancer', 'LoadBalancer タイプの Service を作り、Network Load Balancer にする'),
      wrong('A ClusterIP Service reached directly from the internet', 'インターネットから直接 ClusterIP の Service に接続する'),
    ],
    explanation: {
      en: 'An NLB works at layer 4 (TCP, UDP, TLS) and comes from a Service of type LoadBalancer handed to the AWS Load Balancer Controller. ALBs only carry HTTP-level traffic, and a ClusterIP Service is reachable only inside the cluster.',
      ja: 'NLB はレイヤー 4（TCP・UDP・TLS）で動作し、AWS Load Balancer Controller が扱う LoadBalancer タイプの Service から作られます。ALB は HTTP レベルの通信のみ、ClusterIP の Service はクラスター内からしか届きません。',
    },
    source: { en: 'Notes B 2.4, 8.4; rules LB-002, LB-006', ja: 'ノート B 2.4・8.4、ルール LB-002・LB-006' },
    kinds: ['networkLoadBalancer', 'k8sService'],
  },
  {
    id: 'hpa-vs-ca',
    topic: { en: 'Auto scaling', ja: '自動スケーリング' },
    question: {
      en: 'What do the Horizontal Pod Autoscaler and Cluster Autoscaler each scale?',
      ja: 'Horizontal Pod Autoscaler と Cluster Autoscaler は、それぞれ何をスケールしますか？',
    },
    choices: [
      wrong('The HPA adds EC2 instances; Cluster Autoscaler adds pod replicas', 'HPA が EC2 インスタンスを、Cluster Autoscaler が Pod のレプリカを増やす'),
      right('The HPA changes the number of pods; Cluster Autoscaler changes the number of nodes so the pods fit', 'HPA は Pod 数を、Cluster Autoscaler は Pod が収まるようにノード数を変える'),
      wrong('Both scale nodes; the HPA is just the older name', 'どちらもノードをスケールし、HPA は古い名前にすぎない'),
      wrong('Both scale the control plane\'s API servers', 'どちらもコントロールプレーンの API サーバーをスケールする'),
    ],
    explanation: {
      en: 'The HPA adjusts a workload\'s replica count from metrics; Cluster Autoscaler resizes the Auto Scaling groups behind node groups when pods can\'t be scheduled (Karpenter does this by launching instances directly). Pod scaling without node scaling leaves new pods Pending (rule SCALE-006).',
      ja: 'HPA はメトリクスをもとにワークロードのレプリカ数を調整し、Cluster Autoscaler はスケジュールできない Pod があるとノードグループの Auto Scaling グループのサイズを変えます（Karpenter はインスタンスを直接起動します）。ノードが増えないと、増えた Pod は Pending のままです（ルール SCALE-006）。',
    },
    source: { en: 'Notes B 2.5, 8.5; rules SCALE-003, SCALE-006', ja: 'ノート B 2.5・8.5、ルール SCALE-003・SCALE-006' },
    kinds: ['hpa', 'workload', 'managedNodeGroup'],
  },
  {
    id: 'hpa-metrics',
    topic: { en: 'Auto scaling', ja: '自動スケーリング' },
    question: {
      en: 'A CPU-based HPA on a new EKS cluster never changes the replica count. What is the most likely cause?',
      ja: '新しい EKS クラスターで CPU ベースの HPA がレプリカ数をまったく変えません。最も考えられる原因は？',
    },
    choices: [
      wrong('HPAs only work on Fargate', 'HPA は Fargate でしか動かない'),
      wrong('The control plane logs are off', 'コントロールプレーンのログがオフになっている'),
      right('Metrics Server isn\'t installed, so the HPA has no CPU metrics to read', 'Metrics Server が入っておらず、HPA が CPU メトリクスを読めない'),
    ],
    explanation: {
      en: 'The HPA is part of Kubernetes but reads the metrics API, and EKS doesn\'t install Metrics Server by default. Custom or external metrics need an adapter such as Prometheus Adapter or KEDA.',
      ja: 'HPA は Kubernetes の標準機能ですがメトリクス API を読みます。EKS は Metrics Server を既定では入れません。カスタムメトリクスや外部メトリクスには Prometheus Adapter や KEDA などのアダプターが必要です。',
    },
    source: { en: 'Notes B 2.5, 8.5; rule SCALE-001', ja: 'ノート B 2.5・8.5、ルール SCALE-001' },
    kinds: ['hpa', 'addon'],
  },
  {
    id: 'pricing',
    topic: { en: 'Pricing', ja: '料金' },
    question: {
      en: 'What does an EKS bill consist of?',
      ja: 'EKS の料金は何で構成されますか？',
    },
    choices: [
      wrong('Only the worker nodes: the control plane is free', 'ワーカーノードのみ。コントロールプレーンは無料'),
      right('A per-cluster control-plane fee by the hour, plus EC2 instances or Fargate usage, load balancers and data transfer', 'クラスターごとの時間単位のコントロールプレーン料金に加え、EC2 インスタンスまたは Fargate の使用量、ロードバランサー、データ転送'),
      wrong('A flat monthly licence per Kubernetes node', 'Kubernetes ノードごとの月額固定ライセンス'),
      wrong('A charge per kubectl command sent to the API', 'API に送った kubectl コマンドごとの料金'),
    ],
    explanation: {
      en: 'Each cluster costs $0.10 per hour in standard support ($0.60 in extended support). On top come the worker nodes (EC2 instances, or Fargate billed for the vCPU and memory of each pod), load balancers with their data processing, and data transfer.',
      ja: 'クラスターごとに標準サポートで 1 時間あたり 0.10 ドル（延長サポートでは 0.60 ドル）がかかります。これに加えて、ワーカーノード（EC2 インスタンス、または Pod ごとの vCPU とメモリで課金される Fargate）、ロードバランサーとそのデータ処理量、データ転送量に課金されます。',
    },
    source: { en: 'Notes B 5, 8.7, 8.9; rule COST-001', ja: 'ノート B 5・8.7・8.9、ルール COST-001' },
    kinds: ['eksControlPlane', 'fargateProfile', 'applicationLoadBalancer'],
  },
  {
    id: 'service-discovery',
    topic: { en: 'Service discovery', ja: 'サービスディスカバリー' },
    question: {
      en: 'How does a pod find the orders Service running in the same cluster?',
      ja: '同じクラスターで動く orders Service を、Pod はどうやって見つけますか？',
    },
    choices: [
      right('By its DNS name (orders.<namespace>.svc.cluster.local), answered by CoreDNS', 'DNS 名（orders.<名前空間>.svc.cluster.local）で、CoreDNS が応答する'),
      wrong('Only through an AWS Cloud Map namespace', 'AWS Cloud Map の名前空間を通じてのみ'),
      wrong('Through the internet-facing ALB', 'インターネット向けの ALB を経由して'),
      wrong('By hard-coding the IP addresses of the orders pods', 'orders の Pod の IP アドレスを直接書いて'),
    ],
    explanation: {
      en: 'Kubernetes Services give a stable name and virtual address in front of changing pods, and CoreDNS resolves the name from every pod of the cluster. Cloud Map adds discovery across clusters or for callers outside Kubernetes.',
      ja: 'Kubernetes の Service は入れ替わる Pod の前に安定した名前と仮想アドレスを提供し、CoreDNS がクラスター内のどの Pod からでもその名前を解決します。Cloud Map はクラスターをまたぐ検出や、Kubernetes の外からの呼び出しに使います。',
    },
    source: { en: 'Notes B 2.6, 8.6; rule SD-001', ja: 'ノート B 2.6・8.6、ルール SD-001' },
    kinds: ['k8sService', 'workload', 'addon'],
  },
  {
    id: 'cloud-map',
    topic: { en: 'Service discovery', ja: 'サービスディスカバリー' },
    question: {
      en: 'When does AWS Cloud Map add something over Kubernetes Services?',
      ja: 'Kubernetes の Service に加えて AWS Cloud Map が役立つのはどんなときですか？',
    },
    choices: [
      wrong('For every call between two pods of one cluster', '同じクラスター内の Pod 間の呼び出しすべて'),
      right('For discovery across clusters, or for callers outside Kubernetes such as an API behind a VPC link', 'クラスターをまたぐ検出や、VPC リンクの先の API のように Kubernetes の外からの呼び出し'),
      wrong('To replace CoreDNS, which EKS doesn\'t support', 'EKS が対応していない CoreDNS の代わりとして'),
    ],
    explanation: {
      en: 'Inside one cluster, Services and CoreDNS already do the job (rule SD-001). Cloud Map is linked to EKS through controllers, such as the Cloud Map MCS controller or ExternalDNS, for multi-cluster discovery and for clients outside Kubernetes.',
      ja: '1 つのクラスター内なら Service と CoreDNS で足ります（ルール SD-001）。Cloud Map は Cloud Map MCS コントローラーや ExternalDNS などのコントローラーを通じて EKS と連携し、複数クラスターの検出や Kubernetes の外のクライアントに使います。',
    },
    source: { en: 'Notes B 2.6, 8.6; rules SD-001, SD-002', ja: 'ノート B 2.6・8.6、ルール SD-001・SD-002' },
    kinds: ['cloudMapNamespace', 'k8sService'],
  },
  {
    id: 'pod-iam',
    topic: { en: 'Security', ja: 'セキュリティ' },
    question: {
      en: 'A pod needs to read one S3 bucket. What is the recommended way to give it access?',
      ja: 'Pod が 1 つの S3 バケットを読む必要があります。推奨されるアクセス権の与え方は？',
    },
    choices: [
      wrong('Add S3 permissions to the node\'s IAM role', 'ノードの IAM ロールに S3 の権限を追加する'),
      wrong('Put an access key in a Kubernetes Secret as environment variables', 'アクセスキーを Kubernetes Secret に入れ、環境変数で渡す'),
      right('Give the workload its own IAM role through EKS Pod Identity or IRSA', 'EKS Pod Identity か IRSA で、ワークロード専用の IAM ロールを与える'),
    ],
    explanation: {
      en: 'IAM controls access to AWS. The node role is shared by every pod on the node, so AWS recommends one role per application, through Pod Identity (with its agent add-on) or IRSA (with the cluster\'s OIDC provider), and blocking pods from the instance metadata service.',
      ja: 'AWS へのアクセスは IAM で制御します。ノードロールはノード上の全 Pod で共有されるため、AWS はアプリごとに 1 つのロールを推奨しています。Pod Identity（エージェントのアドオンが必要）か IRSA（クラスターの OIDC プロバイダーが必要）を使い、Pod からインスタンスメタデータサービスを使えないようにします。',
    },
    source: { en: 'Notes B 4; rules SEC-001, SEC-002', ja: 'ノート B 4、ルール SEC-001・SEC-002' },
    kinds: ['iamRole', 'workload'],
  },
  {
    id: 'fargate-subnets',
    topic: { en: 'EC2 vs Fargate', ja: 'EC2 と Fargate' },
    question: {
      en: 'Which subnets can you give a Fargate profile?',
      ja: 'Fargate プロファイルに指定できるサブネットはどれですか？',
    },
    choices: [
      wrong('Public subnets only, so pods can reach the internet', 'Pod がインターネットに出られるよう、パブリックサブネットのみ'),
      right('Private subnets only; pods reach the internet or AWS APIs through a NAT gateway or VPC endpoints', 'プライベートサブネットのみ。Pod は NAT ゲートウェイか VPC エンドポイント経由で外部や AWS API に接続する'),
      wrong('Any subnet, public or private', 'パブリック・プライベートを問わずどのサブネットでも'),
    ],
    explanation: {
      en: 'Fargate pods never get public IP addresses, so EKS rejects public subnets for a profile. Image pulls from ECR then go through a NAT gateway or the ECR and S3 VPC endpoints.',
      ja: 'Fargate の Pod にはパブリック IP が付かないため、EKS はプロファイルのパブリックサブネットを拒否します。ECR からのイメージ取得は NAT ゲートウェイか、ECR と S3 の VPC エンドポイントを経由します。',
    },
    source: { en: 'Notes A「データプレーン」; rules DP-001, NET-002', ja: 'ノート A「データプレーン」、ルール DP-001・NET-002' },
    kinds: ['fargateProfile', 'subnet', 'natGateway'],
  },
];

/** The score of a run: answers[i] is the index of the choice picked for QUIZ[i] (or null). */
export function scoreOf(questions: readonly QuizQuestion[], answers: readonly (number | null)[]): number {
  return questions.reduce((sum, q, i) => {
    const a = answers[i];
    return sum + (a !== null && a !== undefined && q.choices[a]?.correct === true ? 1 : 0);
  }, 0);
}
