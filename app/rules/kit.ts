import { getKind } from '../catalog/registry';
import type { DiagramNode, Json, Text } from '../model/types';
import type { QuickFix, RawFinding, RuleModule } from './types';
import type { RuleView } from './view';

/** What every rule module in app/rules/rules/ is: a RuleModule over the shared view. */
export type Rule = RuleModule<RuleView>;

/** A raw finding; `nodes` lists the badge-carrying node first (rules.md, "→"). */
export function finding(nodes: readonly DiagramNode[], extra: Omit<RawFinding, 'nodes'> = {}): RawFinding {
  return { ...extra, nodes: nodes.map((n) => n.id) };
}

function showValue(value: Json): string {
  return Array.isArray(value) ? `[${value.map((v) => String(v)).join(', ')}]` : String(value);
}

/**
 * A quick fix (rules.md, "Quick fix"): one `setProp` on one node, so applying
 * it is a single undo step. The default label names the prop and the value;
 * a rule passes its own when the change needs a warning (LB-005).
 */
export function setPropFix(node: DiagramNode, prop: string, value: Json, label?: Text): QuickFix {
  const propLabel = getKind(node.kind)?.props.find((p) => p.name === prop)?.label ?? { en: prop, ja: prop };
  const shown = showValue(value);
  return {
    label: label ?? {
      en: `Set ${propLabel.en} of ${node.label.trim() || node.id} to ${shown}`,
      ja: `「${node.label.trim() || node.id}」の${propLabel.ja}を ${shown} にする`,
    },
    command: { type: 'setProp', target: 'node', id: node.id, name: prop, value },
  };
}

/** The finding's node at a position, resolved against the view (quick fixes read the finding back). */
export function nodeAt(view: RuleView, f: RawFinding, index: number): DiagramNode | undefined {
  const id = f.nodes[index];
  return id === undefined ? undefined : view.node(id);
}

/** `value` added to an enum[] prop in the catalog's listed order, as enum[] values must be written (§1.1). */
export function withEnumValue(listed: readonly string[], current: readonly string[], value: string): string[] {
  const set = new Set([...current, value]);
  return listed.filter((v) => set.has(v));
}
