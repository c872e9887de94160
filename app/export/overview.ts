import type { DiagramNode, Lang } from '../model/types';
import { kindName, type DocIndex } from './doc-index';
import { mdText } from './md';
import { joinList, quote, TX } from './markdown-texts';

/**
 * The overview of the Markdown explanation: a few paragraphs in plain
 * sentences, derived only from what the diagram shows (components, their
 * props, containment and connections). Each function returns finished
 * Markdown text (user strings escaped), or '' when it has nothing to say.
 *
 * Lists are capped so that a 1,000-node diagram still reads as prose; the
 * per-area sections and the component table list everything.
 */

const LIST_CAP = 5;
const CLUSTER_CAP = 3;

type Pick = (en: string, ja: string) => string;

export class Overview {
  private readonly tx: Pick;
  constructor(
    private readonly ix: DocIndex,
    private readonly lang: Lang,
  ) {
    this.tx = (en, ja) => (lang === 'ja' ? ja : en);
  }

  /** A quoted, escaped name. */
  private nm(n: DiagramNode): string {
    return quote(mdText(this.ix.name(n, this.lang)), this.lang);
  }

  /** Quoted names in running text, the first few and a count of the rest. */
  private names(nodes: readonly DiagramNode[]): string {
    const unique = [...new Set(nodes)];
    const shown = unique.slice(0, LIST_CAP).map((n) => this.nm(n));
    const rest = unique.length - shown.length;
    if (rest > 0) shown.push(this.tx(`${rest} more`, `ほか ${rest} 件`));
    return joinList(shown, this.lang);
  }

  private plural(n: number, one: string, many: string): string {
    return `${n} ${n === 1 ? one : many}`;
  }

  paragraphs(): string[] {
    const { tx } = this;
    const parts: [string, string][] = [
      [TX.leadControlPlane[this.lang], this.controlPlane()],
      [TX.leadEndpoint[this.lang], this.endpoint()],
      [TX.leadNetwork[this.lang], this.network()],
      [TX.leadDataPlane[this.lang], this.dataPlane()],
      [TX.leadTraffic[this.lang], this.traffic()],
      [TX.leadScaling[this.lang], this.scaling()],
      [TX.leadSecurity[this.lang], this.security()],
      [TX.leadObservability[this.lang], this.observability()],
    ];
    // Trimmed: a Japanese sentence may end in a padded Latin word, and a trailing space would break markdownlint (MD009).
    // The Japanese colon stays outside the bold: `**…：**` followed by a letter would not close (CommonMark flanking rules).
    return parts.filter(([, body]) => body.trim() !== '').map(([lead, body]) => tx(`**${lead}.** ${body.trim()}`, `**${lead}**：${body.trim()}`));
  }

  private clusters(): DiagramNode[] {
    return this.ix.ofKind('eksControlPlane');
  }

  private moreClusters(shown: number): string {
    const rest = this.clusters().length - shown;
    if (rest <= 0) return '';
    return this.tx(` The other ${this.plural(rest, 'cluster is', 'clusters are')} described below.`, `残りの ${rest} クラスターは後の節で説明します。`);
  }

  // -------------------------------------------------------------------------

  controlPlane(): string {
    const { tx, ix } = this;
    const cps = this.clusters();
    if (cps.length === 0) {
      return tx(
        'The diagram has no EKS control plane yet. With EKS, AWS runs the Kubernetes control plane (API server, etcd, scheduler and controllers) in an account it manages, and you run only the data plane.',
        'この図にはまだ EKS コントロールプレーンがありません。EKS では、Kubernetes のコントロールプレーン（API サーバー、etcd、スケジューラー、各種コントローラー）を AWS が自らの管理するアカウントで運用し、利用者はデータプレーンだけを運用します。',
      );
    }
    const out: string[] = [];
    if (cps.length > 1) out.push(tx(`The diagram has ${cps.length} clusters.`, `この図には ${cps.length} 個のクラスターがあります。`));
    for (const cp of cps.slice(0, CLUSTER_CAP)) {
      const version = mdText(ix.str(cp, 'kubernetesVersion')) || '?';
      const extended = ix.str(cp, 'supportType') === 'EXTENDED';
      const acct = ix.up(cp, ['awsManagedAccount']);
      const where = acct
        ? tx(`in the AWS-managed account ${this.nm(acct)}`, ` AWS 管理アカウント${this.nm(acct)}にあります`)
        : tx('drawn outside an AWS-managed account, although EKS always runs it in one', ' AWS 管理アカウントの外に描かれていますが、EKS では常に AWS 管理のアカウントで動きます');
      out.push(
        tx(
          `The cluster ${this.nm(cp)} (Kubernetes ${version}${extended ? ', extended support' : ''}) has its control plane ${where}. AWS runs, patches and scales the API server, etcd and the controllers, so the team operates only the data plane and the applications.`,
          `クラスター${this.nm(cp)}（Kubernetes ${version}${extended ? '、延長サポート' : ''}）のコントロールプレーンは${where}。API サーバー、etcd、各種コントローラーの運用、パッチ適用、スケーリングは AWS が行うため、チームが運用するのはデータプレーンとアプリケーションだけです。`,
        ),
      );
      const method = CREATION[ix.str(cp, 'creationMethod')];
      if (method) out.push(tx(`It is created with ${method.en}.`, `作成には${method.ja}を使います。`));
    }
    return out.join(tx(' ', '')) + this.moreClusters(CLUSTER_CAP);
  }

  /** The cross-account ENIs of a control plane (components.md §7.6 `attachedEnis`). */
  private enisOf(cp: DiagramNode): DiagramNode[] {
    const attached = this.ix.out(cp, 'eniAttachment');
    if (this.clusters().length !== 1) return attached;
    return [...attached, ...this.ix.ofKind('clusterEni').filter((e) => this.ix.in(e, 'eniAttachment').length === 0)];
  }

  endpoint(): string {
    const { tx, ix } = this;
    const out: string[] = [];
    for (const cp of this.clusters().slice(0, CLUSTER_CAP)) {
      const pub = ix.bool(cp, 'endpointPublicAccess');
      const priv = ix.bool(cp, 'endpointPrivateAccess');
      const cidrs = ix.list(cp, 'publicAccessCidrs');
      const open = cidrs.length === 0 || cidrs.includes('0.0.0.0/0');
      const cidrText = joinList(cidrs.map(mdText), this.lang);
      const subnets = this.enisOf(cp)
        .map((e) => ix.parent(e))
        .filter((p): p is DiagramNode => p?.kind === 'subnet');
      const via = subnets.length > 0 ? tx(` in ${this.names(subnets)}`, `（${this.names(subnets)}）`) : '';
      const n = this.nm(cp);
      if (pub && priv) {
        out.push(
          tx(
            `The API endpoint of ${n} is public and private: nodes and tools inside the VPC reach it through the cluster ENIs${via}, and from the internet it accepts requests ${open ? 'from anywhere (0.0.0.0/0)' : `only from ${cidrText}`}.`,
            `${n}の API エンドポイントはパブリックとプライベートの両方です。VPC 内のノードやツールはクラスター ENI${via}を経由して接続し、インターネットからは${open ? 'どこからでも（0.0.0.0/0）' : `${cidrText} からだけ`}リクエストを受け付けます。`,
          ),
        );
      } else if (pub) {
        out.push(
          tx(
            `The API endpoint of ${n} is public only: every client, the nodes included, reaches it over the internet, ${open ? 'from anywhere (0.0.0.0/0)' : `only from ${cidrText}`}; nodes in private subnets need a NAT gateway to reach it.`,
            `${n}の API エンドポイントはパブリックのみです。ノードを含むすべてのクライアントがインターネット経由で、${open ? 'どこからでも（0.0.0.0/0）' : ` ${cidrText} からだけ`}接続します。プライベートサブネットのノードが接続するには NAT ゲートウェイが必要です。`,
          ),
        );
      } else if (priv) {
        out.push(
          tx(
            `The API endpoint of ${n} is private only: it can be reached only from inside the VPC and the networks connected to it, through the cluster ENIs${via}.`,
            `${n}の API エンドポイントはプライベートのみです。クラスター ENI${via}を経由して、VPC 内と VPC に接続されたネットワークからだけ接続できます。`,
          ),
        );
      } else {
        out.push(
          tx(
            `Both the public and the private endpoint of ${n} are off, which EKS does not allow.`,
            `${n}の API エンドポイントはパブリックもプライベートも無効ですが、EKS ではどちらかを有効にする必要があります。`,
          ),
        );
      }
      const clients = ix.in(cp, 'callsApi');
      if (clients.length > 0) {
        const withPlace = clients.slice(0, LIST_CAP).map((c) => {
          const p = ix.parent(c);
          return p ? tx(`${this.nm(c)} (in ${this.nm(p)})`, `${this.nm(c)}（${this.nm(p)}）`) : this.nm(c);
        });
        if (clients.length > LIST_CAP) withPlace.push(tx(`${clients.length - LIST_CAP} more`, `ほか ${clients.length - LIST_CAP} 件`));
        out.push(tx(`Administrators use kubectl from ${joinList(withPlace, 'en')}.`, `管理者は${joinList(withPlace, 'ja')}から kubectl で操作します。`));
      }
    }
    return out.join(tx(' ', ''));
  }

  network(): string {
    const { tx, ix } = this;
    const vpcs = ix.ofKind('vpc');
    const out: string[] = [];
    if (vpcs.length === 0) {
      if (this.clusters().length > 0 || ix.ofKind('managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool', 'fargateProfile').length > 0) {
        out.push(tx('No VPC is drawn; on EKS, the nodes and the cluster ENIs live in subnets of a VPC in your account.', 'VPC は描かれていません。EKS では、ノードとクラスター ENI はお客様のアカウントの VPC のサブネットに置かれます。'));
      }
    }
    if (vpcs.length > 1) out.push(tx(`The diagram has ${vpcs.length} VPCs.`, `この図には ${vpcs.length} 個の VPC があります。`));
    const subnets = ix.ofKind('subnet');
    for (const vpc of vpcs.slice(0, CLUSTER_CAP)) {
      const mine = subnets.filter((s) => ix.up(s, ['vpc']) === vpc);
      const publicCount = mine.filter((s) => ix.str(s, 'tier') === 'public').length;
      const privateCount = mine.length - publicCount;
      const azs = new Set<string>();
      let unknownAz = 0;
      for (const s of mine) {
        const zone = ix.up(s, ['availabilityZone']);
        const az = zone ? ix.str(zone, 'name') || zone.id : ix.str(s, 'az');
        if (az) azs.add(az);
        else unknownAz++;
      }
      const azCount = azs.size + (unknownAz > 0 && azs.size === 0 ? 1 : 0);
      const cidr = mdText(ix.str(vpc, 'cidr'));
      const name = `${this.nm(vpc)}${cidr ? tx(` (${cidr})`, `（${cidr}）`) : ''}`;
      out.push(
        mine.length === 0
          ? tx(`The VPC ${name} has no subnets drawn.`, `VPC${name}にはサブネットが描かれていません。`)
          : tx(
              `The VPC ${name} spans ${this.plural(azCount, 'Availability Zone', 'Availability Zones')} with ${joinList(
                [publicCount > 0 ? `${publicCount} public` : '', privateCount > 0 ? `${privateCount} private` : ''].filter((x) => x !== ''),
                'en',
              )} ${mine.length === 1 ? 'subnet' : 'subnets'}.`,
              `VPC${name}は ${azCount} つのアベイラビリティーゾーンにまたがり、${joinList(
                [publicCount > 0 ? `パブリックサブネット ${publicCount} 個` : '', privateCount > 0 ? `プライベートサブネット ${privateCount} 個` : ''].filter((x) => x !== ''),
                'ja',
              )}があります。`,
            ),
      );
      const igws = ix.children(vpc.id).filter((c) => c.kind === 'internetGateway');
      const nats = mine.filter((s) => ix.str(s, 'tier') !== 'public').flatMap((s) => ix.out(s, 'egressVia').filter((g) => g.kind === 'natGateway'));
      if (publicCount > 0) {
        out.push(
          igws.length > 0
            ? tx(`Public subnets reach the internet through the internet gateway ${this.names(igws)}`, `パブリックサブネットはインターネットゲートウェイ${this.names(igws)}を経由してインターネットに出ます`)
            : tx('The VPC has public subnets but no internet gateway', 'パブリックサブネットがありますが、インターネットゲートウェイはありません'),
        );
        out[out.length - 1] += nats.length > 0 ? tx(`; private subnets go out through the NAT gateways ${this.names(nats)}.`, `。プライベートサブネットは NAT ゲートウェイ${this.names(nats)}を経由して外に出ます。`) : tx('.', '。');
      } else if (nats.length > 0) {
        out.push(tx(`Private subnets go out through the NAT gateways ${this.names(nats)}.`, `プライベートサブネットは NAT ゲートウェイ${this.names(nats)}を経由して外に出ます。`));
      }
      const endpoints = ix.ofKind('vpcEndpoint').filter((e) => ix.up(e, ['vpc']) === vpc);
      if (endpoints.length > 0) {
        const services = [...new Set(endpoints.map((e) => mdText(ix.str(e, 'service'))))];
        out.push(
          tx(
            `VPC endpoints for ${joinList(services, 'en')} keep those AWS API calls inside the AWS network.`,
            `${joinList(services, 'ja')} の VPC エンドポイントにより、これらの AWS API への通信は AWS のネットワーク内で完結します。`,
          ),
        );
      }
    }
    const links = ix.ofKind('hybridLink');
    if (links.length > 0) {
      out.push(tx(`On-premises networks connect through ${this.names(links)}.`, `オンプレミスのネットワークは${this.names(links)}で接続されています。`));
    }
    return out.join(tx(' ', ''));
  }

  dataPlane(): string {
    const { tx, ix, lang } = this;
    const used = DATA_PLANE_KINDS.map((kind) => ({ kind, nodes: ix.ofKind(kind) })).filter((u) => u.nodes.length > 0);
    if (used.length === 0) {
      return tx('No compute is drawn, so pods have nowhere to run yet.', 'コンピューティングが描かれていないため、Pod が動く場所がまだありません。');
    }
    const parts = used.map((u) => tx(`${PLURAL_KIND[u.kind] ?? kindName(u.kind, 'en')} (${this.names(u.nodes)})`, `${kindName(u.kind, 'ja')}（${this.names(u.nodes)}）`));
    const out = [tx(`Pods run in your account on ${joinList(parts, 'en')}.`, `Pod はお客様のアカウントの${joinList(parts, 'ja')}で動きます。`)];
    for (const u of used) out.push(REASONS[u.kind]?.[lang] ?? '');
    const spot =
      ix.ofKind('managedNodeGroup', 'selfManagedNodeGroup').some((n) => ix.str(n, 'capacityType') === 'SPOT') ||
      ix.ofKind('karpenterNodePool').some((n) => ix.list(n, 'capacityTypes').includes('spot'));
    if (spot) out.push(tx('Spot capacity is used to lower the cost.', 'コストを下げるためにスポットキャパシティを使っています。'));
    return out.filter((s) => s !== '').join(tx(' ', ''));
  }

  /** Where a request goes next, in the direction it travels (a load balancer forwards to what its Ingress or Service defines). */
  private nextHops(n: DiagramNode): DiagramNode[] {
    const { ix } = this;
    const hops = [
      ...ix.out(n, 'sendsTrafficTo'),
      ...ix.out(n, 'integratesWith'),
      ...ix.out(n, 'targets'),
      ...(LBS.includes(n.kind) ? ix.in(n, 'provisions') : []),
      ...ix.out(n, 'routesTo'),
      ...ix.out(n, 'selects'),
    ];
    return [...new Set(hops)];
  }

  private hop(n: DiagramNode): string {
    const kind = kindName(n.kind, this.lang);
    const name = this.ix.name(n, this.lang);
    return name === kind ? this.nm(n) : this.tx(`${this.nm(n)} (${mdText(kind)})`, `${this.nm(n)}（${mdText(kind)}）`);
  }

  /** Request paths from a node, depth-first, at most `cap` of them; a path never revisits a node. */
  private paths(start: DiagramNode, cap: number): { paths: DiagramNode[][]; more: boolean } {
    const paths: DiagramNode[][] = [];
    let more = false;
    const walk = (path: DiagramNode[]) => {
      if (paths.length >= cap) {
        more = true;
        return;
      }
      const last = path[path.length - 1];
      const next = last ? this.nextHops(last).filter((x) => !path.includes(x)) : [];
      if (next.length === 0 || path.length >= 8) {
        if (path.length > 1) paths.push(path);
        return;
      }
      for (const x of next) walk([...path, x]);
    };
    walk([start]);
    return { paths, more };
  }

  traffic(): string {
    const { tx, ix } = this;
    const out: string[] = [];
    const users = ix.ofKind('endUser');
    for (const user of users.slice(0, LIST_CAP)) {
      const { paths, more } = this.paths(user, 4);
      if (paths.length === 0) continue;
      // The user starts every path; the sentence names them already.
      const text = paths.map((p) => p.slice(1).map((n) => this.hop(n)).join(' → '));
      out.push(
        tx(
          `Requests from ${this.nm(user)} travel ${text.length === 1 ? 'this way' : 'these ways'}: ${text.join('; ')}${more ? '; and more' : ''}.`,
          `${this.nm(user)}からのリクエストは次の経路をたどります：${text.join('／')}${more ? '／ほか' : ''}。`,
        ),
      );
    }
    const lbs = ix.ofKind(...LBS);
    for (const lb of lbs.slice(0, LIST_CAP)) {
      const owners = ix.in(lb, 'provisions');
      const schemes = new Set(owners.map((o) => ix.str(o, 'scheme')));
      const scheme = owners.length > 0 && schemes.size === 1 ? [...schemes][0] : ix.str(lb, 'scheme');
      const parent = ix.parent(lb);
      const subnets = [...(parent?.kind === 'subnet' ? [parent] : []), ...ix.out(lb, 'usesSubnet')];
      const facing = scheme === 'internet-facing';
      let s = tx(
        `${this.nm(lb)} is ${facing ? 'internet-facing' : 'internal'}${subnets.length > 0 ? `, in ${this.names(subnets)}` : ''}`,
        `${this.nm(lb)}は${facing ? 'インターネット向け' : '内部向け'}${subnets.length > 0 ? `で、${this.names(subnets)}に配置されています` : 'です'}`,
      );
      s += owners.length > 0 ? tx(`, and is created by ${this.names(owners)}.`, `。${this.names(owners)}によって作成されます。`) : tx('.', '。');
      out.push(s);
    }
    if (lbs.length > LIST_CAP) out.push(tx(`${lbs.length - LIST_CAP} more load balancers are listed below.`, `ほか ${lbs.length - LIST_CAP} 個のロードバランサーは後の節に一覧があります。`));
    if (out.length === 0) {
      const entries = ix.ofKind('ingress', 'k8sService', 'apiGateway');
      return entries.length > 0
        ? tx(
            `No end user or load balancer is drawn; requests would enter through ${this.names(entries)}.`,
            `エンドユーザーやロードバランサーは描かれていません。リクエストの入口は${this.names(entries)}です。`,
          )
        : tx('No entry point for outside traffic is drawn.', '外部からのトラフィックの入口は描かれていません。');
    }
    return out.join(tx(' ', ''));
  }

  scaling(): string {
    const { tx, ix, lang } = this;
    const out: string[] = [];
    const hpas = ix.ofKind('hpa');
    for (const hpa of hpas.slice(0, LIST_CAP)) {
      const targets = ix.out(hpa, 'scales');
      const metric = METRIC[ix.str(hpa, 'metric')]?.[lang] ?? mdText(ix.str(hpa, 'metric'));
      const min = numberText(ix.prop(hpa, 'minReplicas'));
      const max = numberText(ix.prop(hpa, 'maxReplicas'));
      const what = targets.length > 0 ? this.names(targets) : tx('its workload', '対象のワークロード');
      out.push(
        tx(
          `${this.nm(hpa)} scales ${what} between ${min} and ${max} replicas on ${metric}.`,
          `${this.nm(hpa)}は${metric}に応じて${what}のレプリカ数を ${min}〜${max} の範囲で増減します。`,
        ),
      );
    }
    if (hpas.length > LIST_CAP) out.push(tx(`${hpas.length - LIST_CAP} more HPAs are listed below.`, `ほか ${hpas.length - LIST_CAP} 個の HPA は後の節に一覧があります。`));
    const addons = (type: string) => ix.ofKind('addon').filter((a) => ix.str(a, 'addonType') === type);
    const resourceHpa = hpas.some((h) => ['cpu', 'memory'].includes(ix.str(h, 'metric')));
    if (resourceHpa && addons('metrics-server').length === 0) {
      out.push(tx('The HPA reads CPU and memory usage from metrics-server, which is not drawn.', 'HPA は CPU とメモリの使用量を metrics-server から読み取りますが、metrics-server は描かれていません。'));
    }
    const ca = addons('cluster-autoscaler');
    if (ca.length > 0) {
      out.push(
        tx(
          `Cluster Autoscaler (${this.names(ca)}) adds nodes to the node groups' Auto Scaling groups when pods cannot be scheduled, and removes idle ones.`,
          `Cluster Autoscaler（${this.names(ca)}）は、Pod をスケジュールできないときにノードグループの Auto Scaling グループへノードを追加し、使われていないノードを減らします。`,
        ),
      );
    }
    const karpenter = addons('karpenter');
    if (karpenter.length > 0) {
      out.push(
        tx(
          `Karpenter (${this.names(karpenter)}) launches instances for pending pods directly, without Auto Scaling groups, and consolidates underused nodes.`,
          `Karpenter（${this.names(karpenter)}）は、待ち状態の Pod のために Auto Scaling グループを介さず直接インスタンスを起動し、使用率の低いノードを集約します。`,
        ),
      );
    }
    const groups = ix.ofKind('managedNodeGroup', 'selfManagedNodeGroup');
    for (const g of groups.slice(0, LIST_CAP)) {
      const min = numberText(ix.prop(g, 'minSize'));
      const max = numberText(ix.prop(g, 'maxSize'));
      const desired = numberText(ix.prop(g, 'desiredSize'));
      out.push(tx(`${this.nm(g)} keeps between ${min} and ${max} nodes (${desired} desired).`, `${this.nm(g)}のノード数は ${min}〜${max}（希望数 ${desired}）です。`));
    }
    if (groups.length > LIST_CAP) out.push(tx(`${groups.length - LIST_CAP} more node groups are listed below.`, `ほか ${groups.length - LIST_CAP} 個のノードグループは後の節に一覧があります。`));
    if (ix.ofKind('fargateProfile').length > 0) out.push(tx('Fargate capacity follows the pods by itself.', 'Fargate の容量は Pod に合わせて自動で増減します。'));
    if (hpas.length === 0 && ca.length === 0 && karpenter.length === 0 && (groups.length > 0 || ix.ofKind('workload').length > 0)) {
      out.push(
        tx(
          'No autoscaler is drawn: pods keep their replica counts and node groups their sizes unless someone changes them.',
          'オートスケーラーは描かれていないため、手で変更しない限り Pod のレプリカ数もノードグループのサイズも変わりません。',
        ),
      );
    }
    return out.join(tx(' ', ''));
  }

  security(): string {
    const { tx, ix } = this;
    const out: string[] = [];
    const cps = this.clusters();
    for (const cp of cps.slice(0, CLUSTER_CAP)) {
      const mode = AUTH_MODE[ix.str(cp, 'authenticationMode')];
      if (mode) {
        out.push(
          tx(
            `${this.nm(cp)} maps IAM users and roles to Kubernetes permissions with ${mode.en}.`,
            `${this.nm(cp)}では、IAM のユーザーやロールと Kubernetes の権限の対応付けに${mode.ja}を使います。`,
          ),
        );
      }
      const keys = ix.out(cp, 'encryptsSecretsWith');
      out.push(
        keys.length > 0
          ? tx(`Its Kubernetes Secrets are envelope-encrypted with the KMS key ${this.names(keys)}.`, `Kubernetes の Secret は KMS キー${this.names(keys)}でエンベロープ暗号化されます。`)
          : tx('No KMS key of your own is drawn for encrypting its Kubernetes Secrets.', 'Kubernetes の Secret の暗号化に使う独自の KMS キーは描かれていません。'),
      );
    }
    const roles = ix.ofKind('iamRole');
    if (roles.length > 0) {
      const byType = new Map<string, DiagramNode[]>();
      for (const r of roles) {
        const type = ix.str(r, 'roleType');
        const list = byType.get(type);
        if (list) list.push(r);
        else byType.set(type, [r]);
      }
      const parts = [...byType].map(([type, list]) => `${this.names(list)}${tx(` (${ROLE_TYPE[type]?.en ?? mdText(type)})`, `（${ROLE_TYPE[type]?.ja ?? mdText(type)}）`)}`);
      out.push(tx(`IAM roles: ${joinList(parts, 'en')}.`, `IAM ロール：${joinList(parts, 'ja')}。`));
    }
    const pods = ix.ofKind('workload', 'addon');
    const byCred = new Map<string, DiagramNode[]>();
    for (const p of pods) {
      let cred = ix.str(p, 'credentialSource');
      // components.md §7.5 effCred: `none` with an assumed IRSA or Pod Identity role reads as that.
      if (cred === 'none') cred = ix.out(p, 'assumes').map((r) => ix.str(r, 'roleType')).find((t) => t === 'irsa' || t === 'podIdentity') ?? 'none';
      if (cred === 'none') continue;
      const list = byCred.get(cred);
      if (list) list.push(p);
      else byCred.set(cred, [p]);
    }
    if (byCred.size > 0) {
      const parts = CRED_ORDER.filter((c) => byCred.has(c)).map((c) => tx(`${CRED[c]?.en ?? c}: ${this.names(byCred.get(c) ?? [])}`, `${CRED[c]?.ja ?? c}：${this.names(byCred.get(c) ?? [])}`));
      out.push(tx(`Pods get their AWS credentials this way: ${parts.join('; ')}.`, `Pod が AWS の認証情報を得る方法は次のとおりです。${parts.join('／')}。`));
      if (byCred.has('nodeRole')) {
        out.push(tx('Pods using the node role share its permissions with every other pod on the same node.', 'ノードロールを使う Pod は、同じノード上のほかのすべての Pod とその権限を共有します。'));
      }
    }
    const secrets = ix.ofKind('secretsManagerSecret');
    if (secrets.length > 0) out.push(tx(`Secrets Manager holds ${this.names(secrets)}.`, `Secrets Manager に${this.names(secrets)}を保管しています。`));
    const groups = ix.ofKind('securityGroup');
    if (groups.length > 0) {
      const guarded = groups.flatMap((g) => ix.in(g, 'protectedBy'));
      out.push(
        guarded.length > 0
          ? tx(`The security groups ${this.names(groups)} filter traffic to ${this.names(guarded)}.`, `セキュリティグループ${this.names(groups)}が${this.names(guarded)}への通信を制御します。`)
          : tx(`The security groups ${this.names(groups)} are drawn without attachments.`, `セキュリティグループ${this.names(groups)}は、どこにもアタッチされずに描かれています。`),
      );
    }
    const certs = ix.ofKind('acmCertificate');
    if (certs.length > 0) out.push(tx(`TLS is terminated with the ACM certificate ${this.names(certs)}.`, `TLS は ACM 証明書${this.names(certs)}で終端します。`));
    const compute = ix.ofKind('managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool', 'fargateProfile');
    const tiers = compute.map((c) => {
      const p = ix.parent(c);
      const subnets = [...(p?.kind === 'subnet' ? [p] : []), ...ix.out(c, 'usesSubnet')];
      return { c, subnets, isPrivate: subnets.length > 0 && subnets.every((s) => ix.str(s, 'tier') !== 'public') };
    });
    const privateOnes = tiers.filter((x) => x.isPrivate).map((x) => x.c);
    const publicOnes = tiers.filter((x) => x.subnets.some((s) => ix.str(s, 'tier') === 'public')).map((x) => x.c);
    if (privateOnes.length > 0) {
      out.push(tx(`The nodes of ${this.names(privateOnes)} sit in private subnets, out of direct reach from the internet.`, `${this.names(privateOnes)}のノードはプライベートサブネットにあり、インターネットから直接は到達できません。`));
    }
    if (publicOnes.length > 0) out.push(tx(`${this.names(publicOnes)} ${publicOnes.length === 1 ? 'runs' : 'run'} in public subnets.`, `${this.names(publicOnes)}はパブリックサブネットで動きます。`));
    return out.join(tx(' ', ''));
  }

  observability(): string {
    const { tx, ix } = this;
    const out: string[] = [];
    for (const cp of this.clusters().slice(0, CLUSTER_CAP)) {
      const logs = ix.list(cp, 'controlPlaneLogging').map(mdText);
      const sinks = ix.out(cp, 'shipsLogsTo');
      const where = sinks.length > 0 ? tx(` (${this.names(sinks)})`, `（${this.names(sinks)}）`) : '';
      out.push(
        logs.length > 0
          ? tx(`${this.nm(cp)} sends its ${joinList(logs, 'en')} logs to CloudWatch Logs${where}.`, `${this.nm(cp)}は ${joinList(logs, 'ja')} のログを CloudWatch Logs${where}に送ります。`)
          : tx(`Control-plane logging of ${this.nm(cp)} is off.`, `${this.nm(cp)}のコントロールプレーンのログは無効です。`),
      );
    }
    const agents = ix.ofKind('addon').filter((a) => ['cloudwatch-observability', 'adot', 'prometheus'].includes(ix.str(a, 'addonType')));
    if (agents.length > 0) {
      const sinks = agents.flatMap((a) => ix.out(a, 'shipsTelemetryTo'));
      out.push(
        sinks.length > 0
          ? tx(`${this.names(agents)} ${agents.length === 1 ? 'collects' : 'collect'} metrics and logs from the cluster and ${agents.length === 1 ? 'sends' : 'send'} them to ${this.names(sinks)}.`, `${this.names(agents)}がクラスターのメトリクスやログを収集し、${this.names(sinks)}に送ります。`)
          : tx(`${this.names(agents)} ${agents.length === 1 ? 'collects' : 'collect'} metrics and logs from the cluster.`, `${this.names(agents)}がクラスターのメトリクスやログを収集します。`),
      );
    }
    if (out.length === 0 && ix.doc.nodes.length > 0) return tx('No log or metric collection is drawn.', 'ログやメトリクスの収集は描かれていません。');
    return out.join(tx(' ', ''));
  }
}

const LBS: readonly string[] = ['applicationLoadBalancer', 'networkLoadBalancer', 'classicLoadBalancer'];

const DATA_PLANE_KINDS = ['managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool', 'fargateProfile', 'hybridNodePool'] as const;

const PLURAL_KIND: Readonly<Record<string, string>> = {
  managedNodeGroup: 'managed node groups',
  selfManagedNodeGroup: 'self-managed node groups',
  karpenterNodePool: 'Karpenter NodePools',
  fargateProfile: 'Fargate profiles',
  hybridNodePool: 'hybrid nodes',
};

/** Why one would choose each data-plane option (notes A「データプレーン」, in our words). */
const REASONS: Readonly<Record<string, { en: string; ja: string }>> = {
  managedNodeGroup: {
    en: 'Managed node groups are the choice when low operating effort matters: AWS automates node provisioning, patching and updates, which suits steady web applications and microservices.',
    ja: 'マネージド型ノードグループは運用負荷を抑えたいときの選択肢で、ノードの作成、パッチ適用、更新を AWS が自動化します。継続的に動く Web アプリケーションやマイクロサービスに向いています。',
  },
  selfManagedNodeGroup: {
    en: 'Self-managed nodes give full control over instances, AMIs, networking and security, at the price of managing and scaling them yourself; they suit special security requirements, batch work and HPC.',
    ja: 'セルフマネージド型ノードでは、インスタンス、AMI、ネットワーク、セキュリティを完全に制御できる代わりに、管理とスケーリングを自分で行います。特殊なセキュリティ要件やバッチ処理、HPC に向いています。',
  },
  karpenterNodePool: {
    en: 'Karpenter gives fast, cost-efficient scaling: it launches right-sized instances as soon as pods are pending and makes Spot easy to use, after some learning to set it up.',
    ja: 'Karpenter は速くコスト効率のよいスケーリングを実現します。Pod が待ち状態になるとすぐに適切なサイズのインスタンスを起動し、スポットも活用しやすくなりますが、初期設定には学習が必要です。',
  },
  fargateProfile: {
    en: 'Fargate runs pods without any instance to manage; it offers little customisation and costs more for long-running work, so it suits small, short-lived or experimental workloads.',
    ja: 'Fargate ではインスタンスを管理せずに Pod を動かせます。カスタマイズの余地は少なく、長時間動くワークロードでは割高になりがちなため、小規模・短時間・実験的なワークロードに向いています。',
  },
  hybridNodePool: {
    en: 'Hybrid nodes run pods on your own machines on premises, close to on-premises systems and data, while AWS still runs the control plane.',
    ja: 'ハイブリッドノードでは、コントロールプレーンは AWS に任せたまま、オンプレミスのシステムやデータの近くにある自社のマシンで Pod を動かせます。',
  },
};

const CREATION: Readonly<Record<string, { en: string; ja: string }>> = {
  console: { en: 'the AWS Management Console', ja: ' AWS マネジメントコンソール' },
  cloudformation: { en: 'AWS CloudFormation', ja: ' AWS CloudFormation ' },
  eksctl: { en: 'eksctl', ja: ' eksctl ' },
  eksBlueprints: { en: 'EKS Blueprints', ja: ' EKS Blueprints ' },
  terraform: { en: 'Terraform', ja: ' Terraform ' },
  cli: { en: 'the AWS CLI', ja: ' AWS CLI ' },
};

const METRIC: Readonly<Record<string, { en: string; ja: string }>> = {
  cpu: { en: 'CPU usage', ja: ' CPU 使用率' },
  memory: { en: 'memory usage', ja: 'メモリ使用量' },
  custom: { en: 'a custom metric', ja: 'カスタムメトリクス' },
  external: { en: 'an external metric', ja: '外部メトリクス' },
};

const AUTH_MODE: Readonly<Record<string, { en: string; ja: string }>> = {
  API: { en: 'access entries', ja: 'アクセスエントリ' },
  CONFIG_MAP: { en: 'the aws-auth ConfigMap', ja: ' aws-auth ConfigMap ' },
  API_AND_CONFIG_MAP: { en: 'access entries and the aws-auth ConfigMap', ja: 'アクセスエントリと aws-auth ConfigMap ' },
};

const ROLE_TYPE: Readonly<Record<string, { en: string; ja: string }>> = {
  cluster: { en: 'cluster role', ja: 'クラスターロール' },
  node: { en: 'node role', ja: 'ノードロール' },
  podExecution: { en: 'Fargate pod execution role', ja: 'Fargate の Pod 実行ロール' },
  irsa: { en: 'IRSA role', ja: 'IRSA 用ロール' },
  podIdentity: { en: 'EKS Pod Identity', ja: 'EKS Pod Identity 用ロール' },
};

const CRED_ORDER = ['irsa', 'podIdentity', 'nodeRole'] as const;

const CRED: Readonly<Record<string, { en: string; ja: string }>> = {
  irsa: { en: 'IRSA (IAM roles for service accounts)', ja: 'IRSA（サービスアカウント用 IAM ロール）' },
  podIdentity: { en: 'EKS Pod Identity', ja: 'EKS Pod Identity' },
  nodeRole: { en: "the node's IAM role", ja: 'ノードの IAM ロール' },
};

function numberText(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '?';
}
