import type { Finding, Severity } from '../rules/types';
import { SEVERITY_RANK } from './theme';

/**
 * Where finding badges go, as on the canvas (renderer/src/findings/findingsStore.ts):
 * a finding's first node carries its badge (rules.md, Conventions) and every
 * edge it names does; a badge shows the worst severity it collects.
 */
export interface Badge {
  readonly severity: Severity;
  readonly messages: readonly string[];
}

export interface BadgeTargets {
  readonly nodes: ReadonlyMap<string, Badge>;
  readonly edges: ReadonlyMap<string, Badge>;
}

export function badgeTargets(findings: readonly Finding[]): BadgeTargets {
  const nodes = new Map<string, { severity: Severity; messages: string[] }>();
  const edges = new Map<string, { severity: Severity; messages: string[] }>();
  const add = (map: Map<string, { severity: Severity; messages: string[] }>, id: string, f: Finding) => {
    const prev = map.get(id);
    if (prev === undefined) map.set(id, { severity: f.severity, messages: [f.message] });
    else {
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) prev.severity = f.severity;
      prev.messages.push(f.message);
    }
  };
  for (const f of findings) {
    const primary = f.nodes[0];
    if (primary !== undefined) add(nodes, primary, f);
    for (const e of f.edges) add(edges, e, f);
  }
  return { nodes, edges };
}
