import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';
import type { Configuration, MicromarkToken, Rule } from 'markdownlint';
import { describe, expect, it } from 'vitest';
import { generateDiagram } from '../../bench/generate';
import { doc as makeDoc, edge, node } from '../model/testing';
import type { DiagramDocument, Lang } from '../model/types';
import type { Finding } from '../rules/types';
import { renderMarkdown, type MarkdownOptions, type RuleDescription } from './markdown';
import { MERMAID_MAX_EDGES, mermaidLabel } from './mermaid';
import { parseDiagram } from '../format/parse';
import { PLATFORM_FINDINGS } from './testing/cases';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

async function loadFixture(path: string): Promise<DiagramDocument> {
  const r = parseDiagram(await readFile(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.error.reason}`);
  return r.document;
}

/** markdownlint with its defaults, except MD013 (line length): generated sentences and table rows are not wrapped. */
const LINT_CONFIG: Configuration = { default: true, MD013: false };

const RULES: Readonly<Record<string, RuleDescription>> = {
  'CP-005': { title: 'Public endpoint open to the internet', why: 'Anyone can try to reach the Kubernetes API.', fix: 'Restrict publicAccessCidrs or use the private endpoint.' },
  'CONN-001': { title: 'Connection not allowed', why: 'The palette does not know what it would mean.', fix: 'Delete it, or connect the right kinds.' },
};
const describeRule = (id: string) => RULES[id];

const CASES: readonly { name: string; file: string; lang: Lang; options?: Partial<MarkdownOptions> }[] = [
  { name: 'web-app.en', file: './fixtures/web-app.kumozu.json', lang: 'en', options: { imagePath: 'web-app.png' } },
  { name: 'web-app.ja', file: './fixtures/web-app.kumozu.json', lang: 'ja', options: { imagePath: 'images/web app (ja).svg' } },
  { name: 'platform.en', file: './fixtures/platform.kumozu.json', lang: 'en', options: { findings: PLATFORM_FINDINGS, describeRule } },
  { name: 'platform.ja', file: './fixtures/platform.kumozu.json', lang: 'ja', options: { findings: PLATFORM_FINDINGS } },
  { name: 'japanese.ja', file: './fixtures/japanese.kumozu.json', lang: 'ja' },
  { name: 'hostile.en', file: './fixtures/hostile.kumozu.json', lang: 'en', options: { imagePath: 'a (b) <c>.png' } },
];

async function render(c: (typeof CASES)[number]): Promise<string> {
  return renderMarkdown(await loadFixture(here(c.file)), { lang: c.lang, findings: [], ...c.options });
}

function lintErrors(md: string, customRules: Rule[] = []): string[] {
  const result = lint({ strings: { md }, config: LINT_CONFIG, customRules });
  return (result.md ?? []).map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.errorDetail ?? ''} [${e.errorContext ?? ''}]`);
}

/** Every micromark token type in the document, counted (a real CommonMark + GFM parse, through markdownlint). */
function tokenTypes(md: string): Map<string, number> {
  const counts = new Map<string, number>();
  const collect: Rule = {
    names: ['collect-tokens'],
    description: 'collects token types for the test',
    tags: ['test'],
    parser: 'micromark',
    function: (params) => {
      const walk = (tokens: readonly MicromarkToken[]) => {
        for (const t of tokens) {
          counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
          walk(t.children);
        }
      };
      walk(params.parsers.micromark.tokens);
    },
  };
  lintErrors(md, [collect]);
  return counts;
}

describe('renderMarkdown snapshots', () => {
  for (const c of CASES) {
    it(`${c.name} matches __snapshots__/${c.name}.md and passes markdownlint`, async () => {
      const md = await render(c);
      await expect(md).toMatchFileSnapshot(`./__snapshots__/${c.name}.md`);
      expect(lintErrors(md)).toEqual([]);
    });
  }

  it('the shipped example (assets/examples) renders lint-clean in both languages', async () => {
    const doc = await loadFixture(here('../../assets/examples/web-app.kumozu.json'));
    for (const lang of ['en', 'ja'] as const) expect(lintErrors(renderMarkdown(doc, { lang, findings: [], imagePath: 'web-app.png' })), lang).toEqual([]);
  });

  it('every checked-in Markdown snapshot passes markdownlint', async () => {
    for (const c of CASES) expect(lintErrors(await readFile(here(`./__snapshots__/${c.name}.md`), 'utf8')), c.name).toEqual([]);
  });
});

describe('renderMarkdown', () => {
  it('is deterministic', async () => {
    for (const c of CASES) {
      const a = await render(c);
      expect(await render(c)).toBe(a);
    }
  });

  it('explains the architecture from what is drawn', async () => {
    const doc = await loadFixture(here('./fixtures/platform.kumozu.json'));
    const md = renderMarkdown(doc, { lang: 'en', findings: [] });
    const overview = md.slice(md.indexOf('## Overview'), md.indexOf('## Control plane'));
    expect(overview).toContain('The cluster “shop-prod” (Kubernetes 1.32, extended support) has its control plane in the AWS-managed account “AWS-managed”.');
    expect(overview).toContain('It is created with eksctl.');
    expect(overview).toContain('public and private');
    expect(overview).toContain('from anywhere (0.0.0.0/0)');
    expect(overview).toContain('Administrators use kubectl from “Ops laptop” (in “Internet”).');
    expect(overview).toContain('Karpenter NodePools (“spot pool”)');
    expect(overview).toContain('Fargate profiles (“jobs”)');
    expect(overview).toContain('Spot capacity is used');
    expect(overview).toMatch(/Requests from “Customers” travel these ways: “shop ALB” \(Application Load Balancer\) → “shop ingress” \(Ingress\) → “checkout svc” \(Kubernetes Service\) → “checkout” \(Workload\); “public API” \(API Gateway\) → “VPC link” → “api NLB” \(Network Load Balancer\) → “orders svc”/);
    expect(overview).toContain('“checkout HPA” scales “checkout” between 3 and 20 replicas on CPU usage.');
    expect(overview).toContain('Karpenter (“Karpenter”) launches instances for pending pods');
    expect(overview).toContain('Its Kubernetes Secrets are envelope-encrypted with the KMS key “secrets key”.');
    expect(overview).toContain('Pods get their AWS credentials this way: IRSA (IAM roles for service accounts): “checkout”; EKS Pod Identity: “Karpenter”, “LB controller” and “CloudWatch agent”');
    expect(overview).toContain('“shop-prod” sends its api and audit logs to CloudWatch Logs (“CloudWatch”).');
    expect(overview).toContain('“CloudWatch agent” collects metrics and logs from the cluster and sends them to “CloudWatch”.');
    // Areas, the comparison (marking what is used), connections, inventory.
    for (const h of ['## Control plane', '## Networking', '## Data plane', '### Data plane options compared', '## Load balancing and traffic', '## Scaling', '## Security', '## Observability', '## Other components', '## Connections', '## Components', '## Findings', '## Diagram as a flowchart']) {
      expect(md).toContain(`\n${h}\n`);
    }
    expect(md).toMatch(/\| Karpenter \| .* \| ✓ \(1\) \|/);
    expect(md).toMatch(/\| Self-managed nodes \| .* \| — \|/);
    expect(md).toContain('| private-1a | route | NAT | The subnet\'s route table sends traffic for the destination to this gateway. Destination: 0.0.0.0/0. |');
    expect(md).toContain('| checkout HPA | wrong target (scales) | system | Not a connection the palette allows');
    const inventory = md.slice(md.indexOf('\n## Components\n'), md.indexOf('\n## Findings\n'));
    expect(inventory.split('\n').filter((l) => l.startsWith('| ')).length - 2).toBe(doc.nodes.length);
    expect(inventory).toContain('| Legacy billing | mainframe | Other components | — |');
  });

  it('writes Japanese in Japanese', async () => {
    const md = renderMarkdown(await loadFixture(here('./fixtures/japanese.kumozu.json')), { lang: 'ja', findings: [] });
    expect(md.startsWith('# 注文システムの構成図\n')).toBe(true);
    expect(md).toContain('## 概要');
    expect(md).toContain('**コントロールプレーン**：クラスター「本番クラスター」');
    expect(md).toContain('API エンドポイントはプライベートのみです');
    expect(md).toContain('| マネージド型ノードグループ |');
    expect(md).toContain('コストを下げるためにスポットキャパシティを使っています。');
    expect(md).not.toMatch(/\b(The|is|and) /);
  });

  it('groups findings by severity with the rule texts it is given, and without them', async () => {
    const doc = await loadFixture(here('./fixtures/platform.kumozu.json'));
    const md = renderMarkdown(doc, { lang: 'en', findings: PLATFORM_FINDINGS, describeRule });
    const findings = md.slice(md.indexOf('## Findings'), md.indexOf('## Notes'));
    expect(findings.indexOf('### Errors (1)')).toBeLessThan(findings.indexOf('### Warnings (1)'));
    expect(findings.indexOf('### Warnings (1)')).toBeLessThan(findings.indexOf('### Information (2)'));
    expect(findings).toContain('- **CP-005** The public API endpoint accepts requests from anywhere (0.0.0.0/0). (shop-prod)\n  - Rule: Public endpoint open to the internet\n  - Why: Anyone can try to reach the Kubernetes API.\n  - Fix: Restrict publicAccessCidrs or use the private endpoint.');
    expect(findings).toContain('- **CONN-001** An HPA scales pods; nodes are added by Cluster Autoscaler or Karpenter. (checkout HPA, system)');
    const bare = renderMarkdown(doc, { lang: 'en', findings: PLATFORM_FINDINGS });
    expect(bare).not.toContain('  - Why:');
    expect(renderMarkdown(doc, { lang: 'en', findings: [] })).toContain('The checks found nothing to report.');
  });

  it('escapes hostile labels: nothing becomes HTML, a link, code, emphasis, a heading or a table cell break', async () => {
    const doc = await loadFixture(here('./fixtures/hostile.kumozu.json'));
    const findings: Finding[] = [{ rule: 'X<1>', severity: 'error', nodes: ['b'], edges: [], message: '**bold** <img src=x> [a](b) `c`' }];
    const md = renderMarkdown(doc, { lang: 'en', findings, imagePath: 'a (b) <c>.png', describeRule: () => ({ title: '# t', why: '| w |', fix: '> f' }) });
    expect(lintErrors(md)).toEqual([]);
    const tokens = tokenTypes(md);
    for (const banned of ['htmlFlow', 'htmlText', 'autolink', 'literalAutolink', 'literalAutolinkEmail', 'literalAutolinkHttp', 'literalAutolinkWww', 'codeText', 'emphasis', 'strikethrough', 'mathText', 'mathFlow', 'setextHeading', 'blockQuote', 'codeIndented', 'listOrdered', 'gfmFootnoteCall', 'characterReference'].filter((t) => t !== 'characterReference')) {
      expect(tokens.get(banned) ?? 0, banned).toBe(0);
    }
    // Our own markup only: one image (the export), no links, one fenced block (Mermaid).
    expect(tokens.get('image')).toBe(1);
    expect(tokens.get('link') ?? 0).toBe(0);
    expect(tokens.get('codeFenced')).toBe(1);
    expect(tokens.get('atxHeading')).toBe(md.match(/^#{1,6} /gm)?.length);
    expect(md).toContain('![&lt;script&gt;alert("x")&lt;/script&gt; &amp; \\]\\]&gt; \\# Title:](a%20%28b%29%20%3Cc%3E.png)');
    expect(md.split('\n')[0]).toBe('# &lt;script&gt;alert("x")&lt;/script&gt; &amp; \\]\\]&gt; \\# Title');
    // Every table row keeps its column count, whatever the cells hold.
    for (const table of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const rows = table.split('\n');
      const cols = (rows[0]?.match(/(?<!\\)\|/g) ?? []).length;
      for (const r of rows) expect((r.match(/(?<!\\)\|/g) ?? []).length, r).toBe(cols);
    }
    // No line outside the Mermaid block starts with a Markdown block marker from a label.
    const outside = md.slice(0, md.indexOf('```mermaid'));
    for (const line of outside.split('\n')) {
      expect(line).not.toMatch(/^(>|\d+[.)] |\s{4}\S|```|~~~|={3,}$|-{3,}$)/);
    }
    // Bidi overrides and controls are gone; emoji and RTL text are kept.
    // eslint-disable-next-line no-control-regex -- asserting their absence
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
    expect(md).toContain('👩‍💻🇯🇵');
    expect(md).toContain('مرحبا بالعالم');
    expect(md).toContain('https\\://evil.example/a_b');
    expect(md).toContain('user\\@example.com');
  });

  it('writes a Mermaid flowchart with generated ids and escaped, quoted labels', async () => {
    const md = renderMarkdown(await loadFixture(here('./fixtures/hostile.kumozu.json')), { lang: 'en', findings: [] });
    const block = md.slice(md.indexOf('```mermaid\n') + 11, md.lastIndexOf('\n```'));
    const lines = block.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    // Quoted; inside, only entity codes and our own line break may carry Mermaid's special characters.
    const label = '"(?:[^"#&<>`|;%]|#\\d+;|<br/>)*"';
    const grammar = new RegExp(
      [
        `^ +subgraph n\\d+\\[${label}\\]$`,
        `^ +n\\d+\\[${label}\\]$`,
        '^ +end$',
        `^  n\\d+ (-->|---|-\\.->|-\\.-)(\\|${label}\\|)? n\\d+$`,
        '^  classDef k_\\w+ stroke:#[0-9A-Fa-f]{6},stroke-width:2px$',
        '^  class n\\d+(,n\\d+)* k_\\w+$',
      ].join('|'),
    );
    for (const line of lines.slice(1)) expect(line, line).toMatch(grammar);
    expect(mermaidLabel('a "b" #c; <d> & `e` | f % g')).toBe('a #34;b#34; #35;c#59; #60;d#62; #38; #96;e#96; #124; f #37; g');
    expect(mermaidLabel('line\nbreak\u202E')).toBe('line break');
  });

  it('replaces the flowchart with a note when Mermaid could not draw it, and stays fast on 1,000 nodes', () => {
    const big: DiagramDocument = generateDiagram(1000);
    expect(big.edges.length).toBeGreaterThan(MERMAID_MAX_EDGES);
    const started = performance.now();
    const md = renderMarkdown(big, { lang: 'ja', findings: [] });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(md).not.toContain('```mermaid');
    expect(md).toContain('Mermaid のフローチャートには大きすぎます');
    expect(lintErrors(md)).toEqual([]);
  });

  it('handles the empty diagram', () => {
    const md = renderMarkdown(makeDoc([]), { lang: 'en', findings: [] });
    expect(md.startsWith('# Untitled diagram\n')).toBe(true);
    expect(md).toContain('The diagram is empty.');
    expect(lintErrors(md)).toEqual([]);
  });

  it('describes connections it cannot interpret without inventing meaning', () => {
    const d = makeDoc([node('w', 'workload'), node('r', 'iamRole')], [edge('e1', 'mounts', 'w', 'r'), edge('e2', 'teleports', 'w', 'r')]);
    const md = renderMarkdown(d, { lang: 'en', findings: [] });
    expect(md).toContain('| w | mounts | r | Not a connection the palette allows');
    expect(md).toContain('| w | teleports | r | Not a connection the palette allows');
    expect(lintErrors(md)).toEqual([]);
  });
});
