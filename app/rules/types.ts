import type { Command } from '../commands/commands';
import type { DiagramDocument, Lang, Text } from '../model/types';

/**
 * The rule engine's contract (spec/rules.md). One rule, one module: its data,
 * its bilingual texts, its check and its quick fix live together in
 * app/rules/rules/<ID>.ts and are registered in app/rules/registry.ts.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The category named in each rule's header line of rules.md. */
export type RuleCategory =
  | 'diagram'
  | 'placement'
  | 'endpoint'
  | 'networking'
  | 'data plane'
  | 'load balancing'
  | 'integration'
  | 'scaling'
  | 'security'
  | 'observability'
  | 'service discovery'
  | 'hybrid'
  | 'cost'
  | 'add-ons';

export interface RuleSource {
  /** e.g. notes A「EKSのアーキテクチャ」(EKS architecture), or "AWS EKS User Guide: eks-architecture". */
  readonly label: Text;
  readonly url?: string;
}

/** A finding as the CLI's JSON and the automation hook report it. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** The node carrying the badge comes first. */
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly message: string;
}

/** What a rule's check returns: a finding before its message is put into words. */
export interface RawFinding {
  /** Defaults to the rule's base severity. */
  readonly severity?: Severity;
  readonly nodes: readonly string[];
  readonly edges?: readonly string[];
  /** Values for the `{…}` parts of the rule's message, already in both languages where they are words. */
  readonly params?: Readonly<Record<string, string | Text>>;
  /** A lettered sub-case (`a`, `c2`…), for tests and for quick fixes that target one sub-case. */
  readonly subCase?: string;
  /**
   * Added by the rule engine's author: separates findings the rule itself says
   * are distinct although they share rule, primary node and sub-case (e.g.
   * CP-003 "one finding per subnet", NET-003 "per missing service", CONN-001
   * per edge). Part of the de-duplication key only; never shown.
   */
  readonly key?: string;
}

export interface QuickFix {
  /** What the button says, e.g. "Set endpointPrivateAccess to true". */
  readonly label: Text;
  /** An ordinary command, so applying it is one undo step. */
  readonly command: Command;
}

export interface RuleModule<View = unknown> {
  readonly id: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  readonly phase: 1 | 2;
  readonly title: Text;
  /** The message template, with `{name}` parts filled from RawFinding.params. */
  readonly message: Text;
  /**
   * Added: templates for sub-cases whose gist differs (rules.md gives e.g.
   * DP-005 (a) and (b)(c) separate messages), keyed by RawFinding.subCase;
   * `message` is used for the others.
   */
  readonly messages?: Readonly<Record<string, Text>>;
  readonly why: Text;
  readonly fix: Text;
  readonly sources: readonly RuleSource[];
  readonly check: (view: View) => readonly RawFinding[];
  readonly quickFix?: (finding: RawFinding, view: View) => QuickFix | null;
}

/** Runs every rule over a document; findings sorted by severity, rule id, first node id. */
export type CheckDocument = (doc: DiagramDocument, lang: Lang) => readonly Finding[];
