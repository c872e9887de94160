import { kindName } from '../catalog/inference';
import type { DiagramNode, Text } from '../model/types';
import type { RuleSource } from './types';

/**
 * Small helpers for the rules' bilingual texts and sources.
 *
 * Names inside Japanese messages are set off with 「」, the way the editor's
 * refusal texts do, so templates never need a space next to a Latin label.
 */

export const t = (en: string, ja: string): Text => ({ en, ja });

/** A node as named in a message: its label, else its kind's catalog name. */
export function nameOf(node: DiagramNode): Text {
  const label = node.label.trim();
  const base = label ? t(label, label) : kindName(node.kind);
  return t(base.en, `「${base.ja}」`);
}

/** A kind's catalog name, as a message parameter. */
export function kindOf(kind: string): Text {
  return kindName(kind);
}

/** "A, B and C" / 「A」、「B」、「C」. */
export function listOf(items: readonly Text[]): Text {
  const en = items.length <= 1 ? (items[0]?.en ?? '') : `${items.slice(0, -1).map((i) => i.en).join(', ')} and ${items[items.length - 1]?.en ?? ''}`;
  return t(en, items.map((i) => i.ja).join('、'));
}

/** "A, B or C" / A、B、C のいずれか (the caller adds the particle). */
export function orList(items: readonly Text[]): Text {
  const en = items.length <= 1 ? (items[0]?.en ?? '') : `${items.slice(0, -1).map((i) => i.en).join(', ')} or ${items[items.length - 1]?.en ?? ''}`;
  return t(en, items.map((i) => i.ja).join('、'));
}

// ---------------------------------------------------------------------------
// Sources (rules.md, "Sources"): the short forms expanded to full URLs

const NOTES_A = '000_99a77bf38731dd9a.txt';
const NOTES_B = '002_95051c56ec91dc82.txt';

/** notes A, cited by its Japanese heading with an English gloss. */
export function notesA(heading: string, gloss: string): RuleSource {
  return { label: t(`Study notes A (${NOTES_A}), 「${heading}」 (${gloss})`, `学習ノート A（${NOTES_A}）「${heading}」`) };
}

export function notesB(heading: string, gloss: string): RuleSource {
  return { label: t(`Study notes B (${NOTES_B}), 「${heading}」 (${gloss})`, `学習ノート B（${NOTES_B}）「${heading}」`) };
}

function section(s: string | undefined): string {
  return s ? ` — “${s}”` : '';
}

function sectionJa(s: string | undefined): string {
  return s ? `「${s}」` : '';
}

/** UG page = the Amazon EKS User Guide. */
export function ug(page: string, part?: string): RuleSource {
  return {
    label: t(`Amazon EKS User Guide: ${page}${section(part)}`, `Amazon EKS ユーザーガイド: ${page}${sectionJa(part)}`),
    url: `https://docs.aws.amazon.com/eks/latest/userguide/${page}.html`,
  };
}

/** BP page = the Amazon EKS Best Practices Guide. */
export function bp(page: string, part?: string): RuleSource {
  return {
    label: t(`Amazon EKS Best Practices Guide: ${page}${section(part)}`, `Amazon EKS ベストプラクティスガイド: ${page}${sectionJa(part)}`),
    url: `https://docs.aws.amazon.com/eks/latest/best-practices/${page}.html`,
  };
}

/** LBC path = the AWS Load Balancer Controller documentation. */
export function lbc(path: string, part?: string): RuleSource {
  return {
    label: t(`AWS Load Balancer Controller docs: ${path}${section(part)}`, `AWS Load Balancer Controller ドキュメント: ${path}${sectionJa(part)}`),
    url: `https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/${path}/`,
  };
}

/** KP path = the Karpenter documentation. */
export function kp(path: string, part?: string): RuleSource {
  return {
    label: t(`Karpenter docs: ${path}${section(part)}`, `Karpenter ドキュメント: ${path}${sectionJa(part)}`),
    url: `https://karpenter.sh/docs/${path}/`,
  };
}

export function web(url: string, en: string, ja: string): RuleSource {
  return { label: t(en, ja), url };
}

/** A section of components.md, the palette contract. */
export function spec(part: string): RuleSource {
  return { label: t(`Kumozu palette contract (components.md) ${part}`, `Kumozu パレット仕様（components.md）${part}`) };
}
