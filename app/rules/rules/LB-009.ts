import { ALB_NLB_SET, LBS_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { listOf, notesB, t, web } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

const APIGW = 'https://docs.aws.amazon.com/apigateway/latest/developerguide';

/** Some two of the nodes sit in different customer accounts (§7.2). */
function accountsSplit(view: RuleView, nodes: readonly DiagramNode[]): boolean {
  const accounts = nodes.map((n) => view.accountOf(n));
  return accounts.some((a, i) => accounts.slice(i + 1).some((b) => view.accountsDiffer(a, b)));
}

export const LB_009: Rule = {
  id: 'LB-009',
  severity: 'error',
  category: 'integration',
  phase: 1,
  title: t('API Gateway to EKS wiring', 'API Gateway から EKS への接続構成'),
  message: t(
    'API Gateway reaches a private load balancer only through a VPC link, in the same account; a v1 VPC link supports only an NLB.',
    'API Gateway がプライベートなロードバランサーに届くのは、同じアカウント内の VPC リンクを通した場合だけです。また、v1 の VPC リンクが対応するのは NLB だけです。',
  ),
  messages: {
    a: t(
      '{api} calls the internal {lb} directly; API Gateway can reach a private load balancer only through a VPC link.',
      '{api}が内部向けの{lb}を直接呼び出しています。API Gateway がプライベートなロードバランサーに届くのは、VPC リンクを通した場合だけです。',
    ),
    b: t(
      '{link} is a v1 VPC link, which supports only an NLB, not {targets}.',
      '{link}は v1 の VPC リンクで、対応するのは NLB だけです。{targets}には接続できません。',
    ),
    c: t(
      '{api}, {link} and {lb} must belong to one account for a private integration.',
      'プライベート統合では、{api}、{link}、{lb}が同じアカウントに属している必要があります。',
    ),
    d: t(
      "{api} calls the internet-facing {lb} directly, so clients can go around the API's authorisation and throttling.",
      '{api}がインターネット向けの{lb}を直接呼び出しているため、クライアントは API の認可やスロットリングを迂回してアクセスできてしまいます。',
    ),
  },
  why: t(
    'Private integrations tunnel from API Gateway into your VPC through a VPC link, and the API, the link and the load balancer must belong to one account. Legacy v1 links accept only an NLB, while v2 links (now also for REST APIs) accept an ALB, an NLB or Cloud Map; an internet-facing backend lets clients skip the API\'s authorisation and throttling.',
    'プライベート統合では、API Gateway から VPC リンクを通って VPC 内へ接続します。API、VPC リンク、ロードバランサーは同じアカウントに属している必要があります。従来の v1 リンクが受け付けるのは NLB だけで、v2 リンク（現在は REST API でも利用可能）は ALB、NLB、Cloud Map を受け付けます。バックエンドがインターネット向けだと、クライアントが API の認可やスロットリングを迂回できてしまいます。',
  ),
  fix: t(
    'Put an internal load balancer behind a VPC link in the same account.',
    '同じアカウント内で、内部向けのロードバランサーを VPC リンクの後ろに置いてください。',
  ),
  sources: [
    notesB('6. よくあるアーキテクチャ・設計パターン', 'API backend with API Gateway'),
    web(`${APIGW}/private-integration.html`, 'Amazon API Gateway Developer Guide: private integrations', 'Amazon API Gateway 開発者ガイド: プライベート統合'),
    web(`${APIGW}/vpc-links-v1.html`, 'Amazon API Gateway Developer Guide: VPC links V1', 'Amazon API Gateway 開発者ガイド: VPC リンク V1'),
    web(
      `${APIGW}/http-api-develop-integrations-private.html`,
      'Amazon API Gateway Developer Guide: private integrations for HTTP APIs',
      'Amazon API Gateway 開発者ガイド: HTTP API のプライベート統合',
    ),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const g of view.ofKind('apiGateway')) {
      const api = view.name(g);
      for (const x of view.out(g, 'integratesWith')) {
        if (LBS_SET.has(x.kind)) {
          const scheme = view.effScheme(x);
          const subCase = scheme === 'internal' ? 'a' : scheme === 'internet-facing' ? 'd' : null;
          if (subCase) {
            out.push(finding([g, x], { subCase, key: x.id, severity: subCase === 'd' ? 'warning' : 'error', params: { api, lb: view.name(x) } }));
          }
        } else if (x.kind === 'vpcLink') {
          for (const l of view.out(x, 'targets')) {
            if (!ALB_NLB_SET.has(l.kind) || !accountsSplit(view, [g, x, l])) continue;
            out.push(finding([g, x, l], { subCase: 'c', key: `${x.id}\u0000${l.id}`, params: { api, link: view.name(x), lb: view.name(l) } }));
          }
        }
      }
    }
    for (const k of view.ofKind('vpcLink')) {
      if (view.str(k, 'version') !== 'v1') continue;
      const bad = view.out(k, 'targets').filter((x) => x.kind === 'applicationLoadBalancer' || x.kind === 'cloudMapNamespace');
      if (bad.length > 0) out.push(finding([k, ...bad], { subCase: 'b', params: { link: view.name(k), targets: listOf(bad.map((x) => view.name(x))) } }));
    }
    return out;
  },
  quickFix(f, view) {
    const k = f.subCase === 'b' ? nodeAt(view, f, 0) : undefined;
    return k ? setPropFix(k, 'version', 'v2') : null;
  },
};
