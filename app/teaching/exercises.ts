import { COMPUTE_SET, VPC_COMPUTE_SET } from '../catalog/sets';
import type { DiagramDocument, DiagramNode, Text } from '../model/types';
import { checkDocument } from '../rules/engine';
import type { Finding } from '../rules/types';
import { buildView, type RuleView } from '../rules/view';

/**
 * Guided exercises (issue 6): a starting diagram, goals that are checks over
 * the document and the rule engine, a hint per goal, and a reference
 * solution. The diagrams are ordinary files in assets/exercises
 * (`<id>.start.kumozu.json`, `<id>.solution.kumozu.json`).
 *
 * Goals read the document through the rule engine's view (the predicates of
 * components.md §7) and the findings by rule id, so that a goal ticks exactly
 * when the checker agrees the learner fixed the design. Every goal asks for
 * something to exist as well as for a finding to be gone: deleting the
 * components concerned never completes an exercise.
 */

export type ExerciseLevel = 'beginner' | 'intermediate' | 'advanced';

/** What a goal looks at: the document, the rule view over it and its findings. */
export interface GoalContext {
  readonly doc: DiagramDocument;
  readonly view: RuleView;
  readonly findings: readonly Finding[];
}

export interface ExerciseGoal {
  readonly id: string;
  readonly title: Text;
  readonly hint: Text;
  readonly check: (ctx: GoalContext) => boolean;
}

export interface Exercise {
  readonly id: string;
  readonly level: ExerciseLevel;
  readonly title: Text;
  /** What the learner will take away, one sentence. */
  readonly learn: Text;
  /** The situation the starting diagram shows and what to do about it. */
  readonly brief: Text;
  /** Shown when every goal is met: why the reference design is the right one. */
  readonly debrief: Text;
  /** Rule ids the exercise is about (shown to instructors, used by the docs). */
  readonly rules: readonly string[];
  /**
   * The error and warning rules the starting diagram triggers, sorted. Empty
   * for a design-choice exercise, whose start works but fits the need badly.
   */
  readonly startsWith: readonly string[];
  readonly goals: readonly ExerciseGoal[];
}

export const LEVEL_TEXT: Readonly<Record<ExerciseLevel, Text>> = {
  beginner: { en: 'Beginner', ja: '初級' },
  intermediate: { en: 'Intermediate', ja: '中級' },
  advanced: { en: 'Advanced', ja: '上級' },
};

export function startFile(id: string): string {
  return `${id}.start.kumozu.json`;
}

export function solutionFile(id: string): string {
  return `${id}.solution.kumozu.json`;
}

/** The context for a document; pass the findings when they are already known (the panel reuses the live ones). */
export function goalContext(doc: DiagramDocument, findings?: readonly Finding[]): GoalContext {
  return { doc, view: buildView(doc), findings: findings ?? checkDocument(doc, 'en') };
}

/** Each goal's state, in goal order. A goal that throws on an odd document counts as not met. */
export function evaluateGoals(exercise: Exercise, ctx: GoalContext): boolean[] {
  return exercise.goals.map((g) => {
    try {
      return g.check(ctx);
    } catch {
      return false;
    }
  });
}

// ---------------------------------------------------------------------------
// Helpers shared by the goals

const has = (ctx: GoalContext, ...rules: string[]): boolean => ctx.findings.some((f) => rules.includes(f.rule));

const noErrors = (ctx: GoalContext): boolean => !ctx.findings.some((f) => f.severity === 'error');

const ofKind = (ctx: GoalContext, kind: string): readonly DiagramNode[] => ctx.view.ofKind(kind);

/** Findings of these rules whose nodes include x. */
const hasOn = (ctx: GoalContext, x: DiagramNode, ...rules: string[]): boolean =>
  ctx.findings.some((f) => rules.includes(f.rule) && f.nodes.includes(x.id));

/** The compute x's pods may land on, all of them with subnets, none of them public. */
function podsInPrivateSubnets(v: RuleView, x: DiagramNode): boolean {
  const compute = v.candidateCompute(x).filter((c) => VPC_COMPUTE_SET.has(c.kind));
  if (compute.length === 0) return false;
  return compute.every((c) => {
    const subnets = v.nodeSubnets(c);
    return subnets.length > 0 && subnets.every((s) => !v.isPublic(s));
  });
}

const NO_ERRORS_GOAL: ExerciseGoal = {
  id: 'no-errors',
  title: { en: 'The checker reports no errors', ja: 'チェッカーのエラーが 0 件' },
  hint: {
    en: 'Open the findings panel and filter by errors: each finding says why it matters and how to fix it. A fix for one goal can break something else.',
    ja: '指摘パネルをエラーで絞り込んでください。各指摘に理由と直し方が書いてあります。ある目標を直したことで別の問題が起きることもあります。',
  },
  check: (ctx) => ctx.view.controlPlanes().length > 0 && noErrors(ctx),
};

// ---------------------------------------------------------------------------
// 1. Private API endpoint, kubectl still working

const privateEndpoint: Exercise = {
  id: 'private-endpoint',
  level: 'beginner',
  title: { en: 'Make the API endpoint private and keep kubectl working', ja: 'API エンドポイントをプライベートにし、kubectl も使えるようにする' },
  learn: {
    en: 'How the public, private and combined endpoint modes differ, and where kubectl must run once the endpoint is private.',
    ja: 'エンドポイントのパブリック／プライベート／併用の違いと、プライベートにしたあと kubectl をどこから実行すべきか。',
  },
  brief: {
    en: 'The security team wants the Kubernetes API off the internet. Today the endpoint is public and open to every address, and the operators run kubectl from their laptops on the internet. Make the endpoint private-only without locking anyone out.',
    ja: 'セキュリティチームは Kubernetes API をインターネットから切り離したいと考えています。現在エンドポイントはパブリックで全アドレスに開いており、運用者はインターネット上のノート PC から kubectl を実行しています。誰も締め出さずにプライベート専用にしてください。',
  },
  debrief: {
    en: 'With private access the API is reached through the cluster ENIs in your VPC, and EKS resolves the endpoint name privately inside the VPC. kubectl then has to run inside the VPC (a bastion or a Session Manager host) or in a network connected to it by VPN, Direct Connect, peering or a transit gateway.',
    ja: 'プライベートアクセスでは、API には VPC 内のクラスター ENI 経由で接続し、エンドポイント名も VPC 内でプライベートに解決されます。kubectl は VPC 内（踏み台や Session Manager のホスト）か、VPN・Direct Connect・ピアリング・Transit Gateway でつながったネットワークから実行する必要があります。',
  },
  rules: ['CP-004', 'CP-005', 'CP-006', 'CP-007'],
  startsWith: ['CP-005'],
  goals: [
    {
      id: 'endpoint-private',
      title: { en: 'Public access to the API endpoint is off, private access is on', ja: 'API エンドポイントのパブリックアクセスがオフ、プライベートアクセスがオン' },
      hint: {
        en: 'Select the EKS control plane; in the inspector turn on endpointPrivateAccess first, then turn off endpointPublicAccess.',
        ja: 'EKS コントロールプレーンを選択し、インスペクターで endpointPrivateAccess をオンにしてから endpointPublicAccess をオフにします。',
      },
      check: (ctx) => {
        const cps = ctx.view.controlPlanes();
        return cps.length > 0 && cps.every((cp) => !ctx.view.bool(cp, 'endpointPublicAccess') && ctx.view.bool(cp, 'endpointPrivateAccess'));
      },
    },
    {
      id: 'kubectl-inside',
      title: { en: 'kubectl runs from the VPC or a network connected to it', ja: 'kubectl を VPC 内、または VPC につながったネットワークから実行' },
      hint: {
        en: 'A private endpoint answers only inside the VPC. Move the kubectl client into a private subnet (a bastion or Session Manager host), keep its connection to the control plane, and check that CP-007 is gone.',
        ja: 'プライベートエンドポイントは VPC 内からしか応答しません。kubectl クライアントをプライベートサブネット（踏み台や Session Manager のホスト）に移し、コントロールプレーンへの接続を残して、CP-007 が消えたことを確認します。',
      },
      check: (ctx) => {
        const v = ctx.view;
        return ofKind(ctx, 'kubectlClient').some((k) =>
          v.out(k, 'callsApi').some((cp) => {
            const home = v.parent(k);
            if (!home || hasOn(ctx, k, 'CP-007')) return false;
            const clusterVpc = v.clusterVpc(cp.id);
            if (!clusterVpc) return false;
            if (home.kind === 'subnet') {
              const vpc = v.vpcOf(home);
              return vpc !== undefined && v.vpcConnected(vpc, clusterVpc);
            }
            return home.kind === 'onPremises' && v.onPremReaches(home, clusterVpc);
          }),
        );
      },
    },
    {
      id: 'nodes-register',
      title: { en: 'The nodes can still register with the cluster', ja: 'ノードが引き続きクラスターに参加できる' },
      hint: {
        en: 'Nodes talk to the API endpoint too. With private access on they use the cluster ENIs; CP-004 and CP-006 tell you when they have no way in.',
        ja: 'ノードも API エンドポイントと通信します。プライベートアクセスがオンならクラスター ENI を使います。経路がないときは CP-004 や CP-006 が知らせます。',
      },
      check: (ctx) => ctx.view.ofKinds(COMPUTE_SET).length > 0 && !has(ctx, 'CP-004', 'CP-006', 'DP-011'),
    },
    NO_ERRORS_GOAL,
  ],
};

// ---------------------------------------------------------------------------
// 2. Fargate into private subnets

const fargatePrivate: Exercise = {
  id: 'fargate-private',
  level: 'beginner',
  title: { en: 'Move Fargate into private subnets', ja: 'Fargate をプライベートサブネットに移す' },
  learn: {
    en: 'Why Fargate profiles accept only private subnets, and how a profile decides which pods it runs.',
    ja: 'Fargate プロファイルがプライベートサブネットしか受け付けない理由と、プロファイルが実行する Pod の決まり方。',
  },
  brief: {
    en: 'A team put its API on Fargate, but EKS refuses the profile and the pods stay Pending. The profile was drawn in the public subnets, and its selector does not match the namespace the pods run in. Fix both so the API runs serverless in private subnets of two AZs.',
    ja: 'あるチームが API を Fargate で動かそうとしましたが、EKS がプロファイルを受け付けず、Pod は Pending のままです。プロファイルはパブリックサブネットに置かれ、セレクターも Pod の名前空間に一致していません。両方を直し、2 つの AZ のプライベートサブネットでサーバーレスに動かしてください。',
  },
  debrief: {
    en: 'Fargate pods never get public IP addresses, so a profile takes private subnets only; they reach ECR and other AWS APIs through a NAT gateway or VPC endpoints. A pod lands on Fargate only when, at creation, its namespace (and labels) match one of the profile\'s 1–5 selectors.',
    ja: 'Fargate の Pod にはパブリック IP が付かないため、プロファイルにはプライベートサブネットしか指定できません。ECR などの AWS API へは NAT ゲートウェイか VPC エンドポイント経由で接続します。Pod が Fargate で動くのは、作成時に名前空間（とラベル）がプロファイルの 1〜5 個のセレクターのどれかに一致したときだけです。',
  },
  rules: ['DP-001', 'DP-005', 'NET-002'],
  startsWith: ['DP-001', 'DP-005'],
  goals: [
    {
      id: 'fargate-private-subnets',
      title: { en: 'The Fargate profile uses only private subnets, in two AZs', ja: 'Fargate プロファイルはプライベートサブネットのみを使う（2 つの AZ）' },
      hint: {
        en: 'Drag the Fargate profile into a private subnet, delete its connection to the public subnet of the other AZ, and connect it to that AZ\'s private subnet instead.',
        ja: 'Fargate プロファイルをプライベートサブネットにドラッグし、もう一方の AZ のパブリックサブネットへの接続を削除して、その AZ のプライベートサブネットに接続し直します。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const profiles = ofKind(ctx, 'fargateProfile');
        return (
          profiles.length > 0 &&
          profiles.every((f) => {
            const subnets = v.nodeSubnets(f);
            return subnets.length > 0 && subnets.every((s) => !v.isPublic(s)) && v.distinctAzs(subnets) >= 2;
          })
        );
      },
    },
    {
      id: 'pods-match',
      title: { en: 'The API pods match the profile\'s selectors', ja: 'API の Pod がプロファイルのセレクターに一致する' },
      hint: {
        en: 'Look at the workload\'s namespace, then add that namespace to the profile\'s selectors (the DP-005 quick fix does exactly this).',
        ja: 'ワークロードの名前空間を確認し、その名前空間をプロファイルの selectors に追加します（DP-005 のクイックフィックスでも追加できます）。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const pods = ofKind(ctx, 'workload').filter((w) => v.onFargate(w));
        return pods.length > 0 && pods.every((w) => v.runsOn(w).every((f) => f.kind !== 'fargateProfile' || v.selectorMatches(f, w))) && !has(ctx, 'DP-005');
      },
    },
    {
      id: 'pull-images',
      title: { en: 'The pods can pull their images', ja: 'Pod がイメージを取得できる' },
      hint: {
        en: 'Private subnets need a NAT gateway route, or the ECR API, ECR Docker and S3 endpoints (NET-002).',
        ja: 'プライベートサブネットには NAT ゲートウェイへのルート、または ECR API・ECR Docker・S3 のエンドポイントが必要です（NET-002）。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const profiles = ofKind(ctx, 'fargateProfile');
        return profiles.length > 0 && profiles.every((f) => v.nodeSubnets(f).length > 0 && !hasOn(ctx, f, 'NET-002'));
      },
    },
    NO_ERRORS_GOAL,
  ],
};

// ---------------------------------------------------------------------------
// 3. Data plane for a spiky batch workload

const spikyBatch: Exercise = {
  id: 'spiky-batch',
  level: 'intermediate',
  title: { en: 'Pick the data plane for a spiky batch workload', ja: '負荷の増減が激しいバッチに合うデータプレーンを選ぶ' },
  learn: {
    en: 'How the four data-plane options compare on scaling speed and cost, and what Karpenter needs to run batch on Spot safely.',
    ja: '4 つのデータプレーンの選択肢をスケーリング速度とコストで比べ、Karpenter でバッチを Spot 上で安全に動かすのに何が必要か。',
  },
  brief: {
    en: 'Nightly report jobs arrive in bursts: nothing for hours, then hundreds of pods. Today they share a fixed two-node managed node group with the system pods, so they queue for hours and the nodes idle the rest of the day. Give the jobs capacity that appears when they are queued, costs little, and goes away afterwards.',
    ja: '夜間のレポートジョブはまとめて届きます。何時間も何もなく、その後に数百の Pod が来ます。現在はシステム Pod と同じ 2 台固定のマネージド型ノードグループで動いているため、ジョブは何時間も待たされ、それ以外の時間はノードが遊んでいます。ジョブが来たときに現れ、安く、終われば消えるキャパシティを用意してください。',
  },
  debrief: {
    en: 'In the notes\' comparison Karpenter provisions exactly the instances pending pods need, within seconds, and fits irregular batch with Spot best. Managed node groups scale through Auto Scaling groups at medium speed, Fargate has no Spot on EKS and gets costly at scale, and self-managed nodes leave the scaling to you. Karpenter itself runs on the small managed node group so that it never removes its own node.',
    ja: '学習ノートの比較表では、Karpenter は保留中の Pod に必要なインスタンスだけを即座にプロビジョニングし、Spot を活用する不定期バッチに最も向いています。マネージド型ノードグループは Auto Scaling グループ経由で中程度の速度、Fargate は EKS では Spot がなく規模が大きいと高くつき、セルフマネージド型はスケーリングを自分で担います。Karpenter 自体は小さなマネージド型ノードグループで動かし、自分のノードを消さないようにします。',
  },
  rules: ['DP-008', 'DP-009', 'DP-011', 'SCALE-007'],
  startsWith: [],
  goals: [
    {
      id: 'jobs-on-karpenter',
      title: { en: 'The batch Jobs run on a Karpenter NodePool', ja: 'バッチの Job が Karpenter ノードプールで動く' },
      hint: {
        en: 'Add a Karpenter NodePool in a private subnet, connect it to the private subnet of the other AZ, and move the Job into it. Compare the options with Compare data planes on the toolbar.',
        ja: 'プライベートサブネットに Karpenter ノードプールを追加し、もう一方の AZ のプライベートサブネットにも接続して、Job をその中に移します。ツールバーの「データプレーン比較」で選択肢を比べられます。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const jobs = ofKind(ctx, 'workload').filter((w) => v.str(w, 'workloadType') === 'Job');
        return jobs.length > 0 && jobs.every((j) => v.runsOn(j).length > 0 && v.runsOn(j).every((c) => c.kind === 'karpenterNodePool'));
      },
    },
    {
      id: 'spot',
      title: { en: 'The NodePool may use Spot capacity', ja: 'ノードプールで Spot キャパシティを使える' },
      hint: {
        en: 'Batch that can be retried is the textbook case for Spot: tick spot in the NodePool\'s capacityTypes.',
        ja: '再実行できるバッチは Spot の典型的な用途です。ノードプールの capacityTypes で spot にチェックを入れます。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const pools = ofKind(ctx, 'workload')
          .filter((w) => v.str(w, 'workloadType') === 'Job')
          .flatMap((j) => v.runsOn(j))
          .filter((c) => c.kind === 'karpenterNodePool');
        return pools.length > 0 && pools.every((p) => v.list(p, 'capacityTypes').includes('spot'));
      },
    },
    {
      id: 'karpenter-ready',
      title: { en: 'Karpenter can launch nodes and runs outside the capacity it manages', ja: 'Karpenter がノードを起動でき、自分が管理しないキャパシティで動く' },
      hint: {
        en: 'Add the karpenter add-on to the system node group, and connect the NodePool to a security group (DP-009, DP-008).',
        ja: 'システム用ノードグループに karpenter アドオンを追加し、ノードプールをセキュリティグループに接続します（DP-009、DP-008）。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const pools = ofKind(ctx, 'karpenterNodePool');
        const controllers = ofKind(ctx, 'addon').filter((a) => v.str(a, 'addonType') === 'karpenter');
        return pools.length > 0 && controllers.length > 0 && !has(ctx, 'DP-008', 'DP-009', 'DP-011', 'SCALE-003');
      },
    },
    {
      id: 'interruptions',
      title: { en: 'Spot interruptions are handled', ja: 'Spot の中断に対応している' },
      hint: {
        en: 'Turn on interruptionQueue on the karpenter add-on, so that it drains a Spot node before AWS takes it back (SCALE-007).',
        ja: 'karpenter アドオンの interruptionQueue をオンにし、AWS が Spot ノードを回収する前に Karpenter が退避できるようにします（SCALE-007）。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const controllers = ofKind(ctx, 'addon').filter((a) => v.str(a, 'addonType') === 'karpenter');
        return controllers.length > 0 && controllers.every((a) => v.bool(a, 'interruptionQueue')) && !has(ctx, 'SCALE-007');
      },
    },
    NO_ERRORS_GOAL,
  ],
};

// ---------------------------------------------------------------------------
// 4. Internet-facing ALB in front of private pods

const albPublic: Exercise = {
  id: 'alb-public',
  level: 'intermediate',
  title: { en: 'Put an internet-facing ALB in front of pods in private subnets', ja: 'プライベートサブネットの Pod の前にインターネット向け ALB を置く' },
  learn: {
    en: 'The usual layout of public load balancers and private nodes, and what creates an ALB from an Ingress.',
    ja: 'パブリックなロードバランサーとプライベートなノードという定番の配置と、Ingress から ALB を作るもの。',
  },
  brief: {
    en: 'The web shop should be reachable from the internet, but nothing answers. The Ingress asks for an internal ALB, the ALB was drawn in the private subnets, and nobody installed the component that turns an Ingress into an ALB. Keep the pods private.',
    ja: 'Web ショップをインターネットから使えるようにしたいのに、何も応答しません。Ingress は内部向け ALB を求めており、ALB はプライベートサブネットに描かれ、Ingress から ALB を作るコンポーネントも入っていません。Pod はプライベートのままにしてください。',
  },
  debrief: {
    en: 'The AWS Load Balancer Controller creates an ALB from an Ingress (layer 7; a LoadBalancer Service gets an NLB). An internet-facing ALB must sit in public subnets of at least two AZs; from there it forwards to pods in private subnets, which stay unreachable from the internet. The scheme defaults to internal, so it has to be asked for.',
    ja: 'AWS Load Balancer Controller が Ingress から ALB（レイヤー 7。LoadBalancer タイプの Service からは NLB）を作成します。インターネット向け ALB は 2 つ以上の AZ のパブリックサブネットに置き、そこからプライベートサブネットの Pod に転送します。Pod はインターネットから直接は到達できません。スキームの既定値は internal なので、明示的に指定する必要があります。',
  },
  rules: ['LB-001', 'LB-004', 'LB-005', 'LB-006'],
  startsWith: ['LB-001', 'LB-006'],
  goals: [
    {
      id: 'controller',
      title: { en: 'The AWS Load Balancer Controller is installed', ja: 'AWS Load Balancer Controller が入っている' },
      hint: {
        en: 'Drop an Add-on into the node group and set its addonType to aws-load-balancer-controller (LB-001).',
        ja: 'ノードグループにアドオンをドロップし、addonType を aws-load-balancer-controller にします（LB-001）。',
      },
      check: (ctx) => ofKind(ctx, 'ingress').length > 0 && ofKind(ctx, 'addon').some((a) => ctx.view.str(a, 'addonType') === 'aws-load-balancer-controller') && !has(ctx, 'LB-001'),
    },
    {
      id: 'internet-facing',
      title: { en: 'Internet users reach an internet-facing ALB', ja: 'インターネットのユーザーがインターネット向け ALB に届く' },
      hint: {
        en: 'The scheme comes from the Ingress that creates the ALB: set the Ingress\'s scheme to internet-facing (LB-006).',
        ja: 'スキームは ALB を作る Ingress で決まります。Ingress の scheme を internet-facing にします（LB-006）。',
      },
      check: (ctx) => internetAlbs(ctx).length > 0 && !has(ctx, 'LB-006'),
    },
    {
      id: 'public-subnets',
      title: { en: 'The ALB sits in public subnets of two AZs', ja: 'ALB が 2 つの AZ のパブリックサブネットにある' },
      hint: {
        en: 'Drag the ALB into a public subnet, delete its connection to the private subnet of the other AZ, and connect it to that AZ\'s public subnet (LB-004, LB-005).',
        ja: 'ALB をパブリックサブネットにドラッグし、もう一方の AZ のプライベートサブネットへの接続を削除して、その AZ のパブリックサブネットに接続します（LB-004、LB-005）。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const albs = internetAlbs(ctx);
        return (
          albs.length > 0 &&
          albs.every((l) => {
            const subnets = v.lbSubnets(l);
            return subnets.length > 0 && subnets.every((s) => v.isPublic(s)) && v.distinctAzs(subnets) >= 2 && !hasOn(ctx, l, 'LB-004', 'LB-005');
          })
        );
      },
    },
    {
      id: 'pods-private',
      title: { en: 'The pods behind it stay in private subnets', ja: '背後の Pod はプライベートサブネットのまま' },
      hint: {
        en: 'Traffic goes ALB → Ingress → Service → pods. Keep the node group in the private subnets; only the load balancer needs to be public.',
        ja: '通信は ALB → Ingress → Service → Pod の順に流れます。ノードグループはプライベートサブネットのままにし、公開するのはロードバランサーだけです。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const albs = internetAlbs(ctx);
        const pods = albs.flatMap((l) => v.targetWorkloads(l));
        return pods.length > 0 && pods.every((w) => podsInPrivateSubnets(v, w));
      },
    },
    NO_ERRORS_GOAL,
  ],
};

/** ALBs whose effective scheme is internet-facing and that an end user on the internet sends traffic to (directly or through their Ingress). */
function internetAlbs(ctx: GoalContext): DiagramNode[] {
  const v = ctx.view;
  const out: DiagramNode[] = [];
  for (const l of ofKind(ctx, 'applicationLoadBalancer')) {
    if (v.effScheme(l) !== 'internet-facing') continue;
    const fronts = new Set([l.id, ...v.owners(l).map((o) => o.id)]);
    const reached = ofKind(ctx, 'endUser').some((u) => v.parent(u)?.kind === 'internet' && v.out(u, 'sendsTrafficTo').some((t) => fronts.has(t.id)));
    if (reached) out.push(l);
  }
  return out;
}

// ---------------------------------------------------------------------------
// 5. HPA that can actually scale

const hpaScale: Exercise = {
  id: 'hpa-scale',
  level: 'intermediate',
  title: { en: 'Make the HPA actually able to scale', ja: 'HPA が本当にスケールできるようにする' },
  learn: {
    en: 'What the Horizontal Pod Autoscaler needs to work, and why pod autoscaling also needs node autoscaling.',
    ja: 'Horizontal Pod Autoscaler が動くために必要なものと、Pod の自動スケーリングにノードの自動スケーリングも要る理由。',
  },
  brief: {
    en: 'Someone added an HPA for the web Deployment, yet during the last sale the pod count never moved. The HPA is not wired to the Deployment, it has no metrics to read, and even if it added pods, the node group is pinned at two nodes. Make pods and nodes grow with the load.',
    ja: 'Web の Deployment 用に HPA が追加されましたが、前回のセールでも Pod 数はまったく変わりませんでした。HPA は Deployment につながっておらず、読めるメトリクスもなく、仮に Pod を増やせてもノードグループは 2 台に固定されています。負荷に応じて Pod とノードの両方が増えるようにしてください。',
  },
  debrief: {
    en: 'The HPA changes the number of pods from metrics, and EKS does not install Metrics Server for you. Its CPU target is a percentage of the pods\' CPU requests, so the Deployment must declare requests. New pods need room: Cluster Autoscaler grows a node group up to its maximum (Karpenter launches instances directly, Fargate adds capacity per pod).',
    ja: 'HPA はメトリクスをもとに Pod 数を変えますが、EKS は Metrics Server を自動では入れません。CPU の目標値は Pod の CPU リクエストに対する割合なので、Deployment にリクエストの指定が必要です。増えた Pod には置き場所が要ります。Cluster Autoscaler はノードグループを最大サイズまで増やします（Karpenter はインスタンスを直接起動し、Fargate は Pod ごとにキャパシティを足します）。',
  },
  rules: ['SCALE-001', 'SCALE-003', 'SCALE-006'],
  startsWith: ['SCALE-001'],
  goals: [
    {
      id: 'hpa-target',
      title: { en: 'The HPA scales the web Deployment', ja: 'HPA が Web の Deployment をスケールする' },
      hint: {
        en: 'Connect the HPA to the workload (drag from the HPA\'s side handle to the Deployment).',
        ja: 'HPA をワークロードに接続します（HPA の横のハンドルから Deployment までドラッグ）。',
      },
      check: (ctx) => scaledWorkloads(ctx).length > 0,
    },
    {
      id: 'metrics',
      title: { en: 'The HPA can read its metrics', ja: 'HPA がメトリクスを読める' },
      hint: {
        en: 'CPU and memory metrics come from Metrics Server: drop an Add-on into the node group and set its addonType to metrics-server (SCALE-001).',
        ja: 'CPU とメモリのメトリクスは Metrics Server が提供します。ノードグループにアドオンをドロップし、addonType を metrics-server にします（SCALE-001）。',
      },
      check: (ctx) => ofKind(ctx, 'hpa').length > 0 && !has(ctx, 'SCALE-001'),
    },
    {
      id: 'nodes-grow',
      title: { en: 'New pods get new nodes', ja: '増えた Pod のためにノードも増える' },
      hint: {
        en: 'Add a cluster-autoscaler add-on and give the node group room: a maxSize above its minSize (SCALE-006).',
        ja: 'cluster-autoscaler アドオンを追加し、ノードグループの maxSize を minSize より大きくします（SCALE-006）。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const targets = scaledWorkloads(ctx);
        return targets.length > 0 && !has(ctx, 'SCALE-006', 'SCALE-003') && targets.every((w) => canGrow(v, w));
      },
    },
    NO_ERRORS_GOAL,
  ],
};

/** Deployments or StatefulSets that an HPA with room to move (max above min) scales. */
function scaledWorkloads(ctx: GoalContext): DiagramNode[] {
  const v = ctx.view;
  const out: DiagramNode[] = [];
  for (const h of ofKind(ctx, 'hpa')) {
    const min = v.int(h, 'minReplicas') ?? 1;
    const max = v.int(h, 'maxReplicas') ?? 1;
    if (max <= min) continue;
    for (const w of v.out(h, 'scales')) if (['Deployment', 'StatefulSet'].includes(v.str(w, 'workloadType'))) out.push(w);
  }
  return out;
}

/** Every compute the workload may land on can add capacity. */
function canGrow(v: RuleView, w: DiagramNode): boolean {
  const compute = v.candidateCompute(w);
  const cluster = v.clusterOf(w);
  if (compute.length === 0 || cluster === null) return false;
  return compute.every((c) => {
    if (c.kind === 'fargateProfile') return true;
    if (c.kind === 'karpenterNodePool') return v.hasAddon(cluster, 'karpenter');
    if (c.kind === 'managedNodeGroup' || c.kind === 'selfManagedNodeGroup') {
      const roomy = (v.int(c, 'maxSize') ?? 0) > (v.int(c, 'minSize') ?? 0);
      return roomy && v.hasAddon(cluster, 'cluster-autoscaler') && v.caGroups(cluster).some((g) => g.id === c.id);
    }
    return false;
  });
}

// ---------------------------------------------------------------------------
// 6. Per-pod IAM instead of the node role

const APP_POLICY = /s3|dynamo|sqs|sns|rds|secret|fullaccess|admin|\*/i;

const podIam: Exercise = {
  id: 'pod-iam',
  level: 'advanced',
  title: { en: 'Replace the node role with per-pod IAM', ja: 'ノードロールをやめて Pod ごとの IAM にする' },
  learn: {
    en: 'Why application permissions do not belong on the node role, and how EKS Pod Identity or IRSA give each application its own role.',
    ja: 'アプリの権限をノードロールに載せてはいけない理由と、EKS Pod Identity や IRSA でアプリごとにロールを持たせる方法。',
  },
  brief: {
    en: 'The orders service reads an S3 bucket and a DynamoDB table. To make that work, someone attached S3 and DynamoDB full access to the node role, so every pod on those nodes has it too. Give the orders pods their own role, strip the node role back to node permissions, and stop pods from borrowing the instance profile.',
    ja: 'orders サービスは S3 バケットと DynamoDB テーブルを読みます。そのために誰かがノードロールに S3 と DynamoDB のフルアクセスを付けたので、同じノードの全 Pod がその権限を持っています。orders の Pod に専用のロールを与え、ノードロールをノード用の権限だけに戻し、Pod がインスタンスプロファイルを借りられないようにしてください。',
  },
  debrief: {
    en: 'IAM is how EKS controls access to AWS (notes B, security). The instance profile is shared by every pod on a node and reachable through the instance metadata service, so AWS recommends one role per application: EKS Pod Identity (with its agent add-on, Linux EC2 nodes) or IRSA (with the cluster\'s OIDC provider, also on Fargate), plus IMDSv2 with a hop limit of 1.',
    ja: 'EKS では IAM で AWS へのアクセスを制御します（学習ノート B のセキュリティ）。インスタンスプロファイルはノード上の全 Pod で共有され、インスタンスメタデータサービス経由で使えてしまうため、AWS はアプリごとに 1 つのロールを推奨しています。EKS Pod Identity（エージェントのアドオンが必要、Linux の EC2 ノードのみ）か IRSA（クラスターの OIDC プロバイダーが必要、Fargate でも可）を使い、IMDSv2 とホップ制限 1 を組み合わせます。',
  },
  rules: ['SEC-001', 'SEC-002'],
  startsWith: ['SEC-001'],
  goals: [
    {
      id: 'own-role',
      title: { en: 'The pods that call AWS have their own IAM role', ja: 'AWS を呼び出す Pod が専用の IAM ロールを持つ' },
      hint: {
        en: 'Select the orders workload and set credentialSource to podIdentity (or irsa). You can also draw its role: an IAM role of roleType podIdentity, connected from the workload.',
        ja: 'orders ワークロードを選び、credentialSource を podIdentity（または irsa）にします。roleType が podIdentity の IAM ロールを描き、ワークロードから接続することもできます。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const callers = ofKind(ctx, 'workload').filter((w) => v.out(w, 'accesses').length > 0);
        return callers.length > 0 && callers.every((w) => ['irsa', 'podIdentity'].includes(v.effCred(w)));
      },
    },
    {
      id: 'prerequisites',
      title: { en: 'The identity mechanism\'s prerequisites are in place', ja: '認証方式の前提条件がそろっている' },
      hint: {
        en: 'Pod Identity needs the pod-identity-agent add-on; IRSA needs the cluster\'s OIDC provider (oidcProvider on the control plane). See SEC-002.',
        ja: 'Pod Identity には pod-identity-agent アドオン、IRSA にはクラスターの OIDC プロバイダー（コントロールプレーンの oidcProvider）が必要です。SEC-002 を参照してください。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const users = ofKind(ctx, 'workload').filter((w) => ['irsa', 'podIdentity'].includes(v.effCred(w)));
        return users.length > 0 && !has(ctx, 'SEC-002');
      },
    },
    {
      id: 'imds',
      title: { en: 'Pods can\'t borrow the instance profile', ja: 'Pod がインスタンスプロファイルを借りられない' },
      hint: {
        en: 'On the node group require IMDSv2 (httpTokens = required) and set hopLimit to 1 (SEC-001).',
        ja: 'ノードグループで IMDSv2 を必須にし（httpTokens = required）、hopLimit を 1 にします（SEC-001）。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const groups = ofKind(ctx, 'managedNodeGroup').concat(ofKind(ctx, 'selfManagedNodeGroup'));
        return groups.length > 0 && groups.every((g) => v.str(g, 'httpTokens') === 'required') && !has(ctx, 'SEC-001');
      },
    },
    {
      id: 'node-role',
      title: { en: 'The node role keeps only node permissions', ja: 'ノードロールにはノード用の権限だけが残る' },
      hint: {
        en: 'Select the node IAM role and remove the S3 and DynamoDB policies from its policies list; the workload\'s own role carries them now.',
        ja: 'ノードの IAM ロールを選び、policies から S3 と DynamoDB のポリシーを削除します。それらは今やワークロード専用のロールが持ちます。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const nodeRoles = ofKind(ctx, 'iamRole').filter((r) => v.str(r, 'roleType') === 'node' && v.in(r, 'assumes').some((c) => COMPUTE_SET.has(c.kind)));
        return nodeRoles.length > 0 && nodeRoles.every((r) => !v.list(r, 'policies').some((p) => APP_POLICY.test(p)));
      },
    },
    NO_ERRORS_GOAL,
  ],
};

// ---------------------------------------------------------------------------
// 7. A cluster without internet access

const NO_EGRESS_IMAGE_SERVICES = ['ecr.api', 'ecr.dkr', 's3'] as const;

const privateNoEgress: Exercise = {
  id: 'private-no-egress',
  level: 'advanced',
  title: { en: 'Run the cluster without internet access', ja: 'インターネットに出られないクラスターを動かす' },
  learn: {
    en: 'Which VPC endpoints a private cluster needs to pull images and get IAM credentials, and why the API endpoint goes private too.',
    ja: 'プライベートクラスターがイメージ取得や IAM 認証情報の取得に必要とする VPC エンドポイントと、API エンドポイントもプライベートにする理由。',
  },
  brief: {
    en: 'For a regulated ledger service, the NAT gateways were removed so that nothing in the node subnets reaches the internet. Since then new nodes can\'t pull images and the pods can\'t get their IAM credentials. Make the cluster work again without bringing internet access back, and keep the Kubernetes API off the internet as well.',
    ja: '規制対象の台帳サービスのため、ノードのサブネットからインターネットに出られないよう NAT ゲートウェイが削除されました。それ以来、新しいノードはイメージを取得できず、Pod は IAM 認証情報を取得できません。インターネットへの経路を戻さずにクラスターを動くようにし、Kubernetes API もインターネットから切り離してください。',
  },
  debrief: {
    en: 'Without egress every AWS call goes through PrivateLink: an image pull needs the ECR API and ECR Docker endpoints plus S3 (where the layers live; a gateway endpoint costs nothing), IRSA needs STS, and other add-ons need their own (logs, EC2, SSM…). VPC DNS must be on, and with private endpoint access the nodes reach the API through the cluster ENIs.',
    ja: '外部への経路がない場合、AWS の呼び出しはすべて PrivateLink を通ります。イメージ取得には ECR API と ECR Docker のエンドポイントに加えて（レイヤーが置かれる）S3 が必要で、ゲートウェイエンドポイントは無料です。IRSA には STS、その他のアドオンにはそれぞれのエンドポイント（logs、EC2、SSM など）が必要です。VPC の DNS を有効にし、API エンドポイントをプライベートにすると、ノードはクラスター ENI 経由で API に接続します。',
  },
  rules: ['NET-002', 'NET-003', 'CP-006'],
  startsWith: ['NET-002', 'NET-003'],
  goals: [
    {
      id: 'no-egress',
      title: { en: 'The node subnets have no path to the internet', ja: 'ノードのサブネットからインターネットへの経路がない' },
      hint: {
        en: 'Keep the nodes in private subnets without a route to a NAT gateway: adding the NAT gateways back is not the answer here.',
        ja: 'ノードは NAT ゲートウェイへのルートのないプライベートサブネットに置いたままにします。NAT ゲートウェイを戻すのはこの演習の答えではありません。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const compute = v.ofKinds(VPC_COMPUTE_SET);
        return compute.length > 0 && compute.every((c) => v.nodeSubnets(c).length > 0 && v.nodeSubnets(c).every((s) => !v.hasEgress(s)));
      },
    },
    {
      id: 'pull-images',
      title: { en: 'Nodes can pull images from ECR', ja: 'ノードが ECR からイメージを取得できる' },
      hint: {
        en: 'Add VPC endpoints for ecr.api and ecr.dkr (interface, in a subnet) and for s3 (a gateway endpoint placed in the VPC). See NET-002.',
        ja: 'ecr.api と ecr.dkr のインターフェイスエンドポイント（サブネット内）と、s3 のゲートウェイエンドポイント（VPC 内に配置）を追加します。NET-002 を参照してください。',
      },
      check: (ctx) => {
        const v = ctx.view;
        const subnets = v.ofKinds(VPC_COMPUTE_SET).flatMap((c) => v.nodeSubnets(c));
        return subnets.length > 0 && subnets.every((s) => NO_EGRESS_IMAGE_SERVICES.every((svc) => v.hasEp(s, svc))) && !has(ctx, 'NET-002');
      },
    },
    {
      id: 'credentials',
      title: { en: 'Pods get their IAM credentials privately', ja: 'Pod が IAM 認証情報をプライベートに取得できる' },
      hint: {
        en: 'The ledger pods use IRSA, which exchanges a token with STS: add an sts interface endpoint (NET-003).',
        ja: 'ledger の Pod は IRSA を使い、STS とトークンを交換します。sts のインターフェイスエンドポイントを追加します（NET-003）。',
      },
      check: (ctx) => ofKind(ctx, 'workload').some((w) => ['irsa', 'podIdentity'].includes(ctx.view.effCred(w))) && !has(ctx, 'NET-003'),
    },
    {
      id: 'api-private',
      title: { en: 'The API endpoint is private only', ja: 'API エンドポイントはプライベートのみ' },
      hint: {
        en: 'On the control plane keep endpointPrivateAccess on and turn endpointPublicAccess off.',
        ja: 'コントロールプレーンで endpointPrivateAccess をオンのまま、endpointPublicAccess をオフにします。',
      },
      check: (ctx) => {
        const cps = ctx.view.controlPlanes();
        return cps.length > 0 && cps.every((cp) => !ctx.view.bool(cp, 'endpointPublicAccess') && ctx.view.bool(cp, 'endpointPrivateAccess')) && !has(ctx, 'CP-004', 'CP-006', 'CP-007');
      },
    },
    NO_ERRORS_GOAL,
  ],
};

export const EXERCISES: readonly Exercise[] = [privateEndpoint, fargatePrivate, albPublic, hpaScale, spikyBatch, podIam, privateNoEgress];

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
