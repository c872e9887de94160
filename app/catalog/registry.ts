import type { Json, JsonObject, Size } from '../model/types';
import type { CategoryId, KindSpec, PropSpec } from './types';
import { KINDS } from './kinds';

/** The component catalog of components.md: every kind, looked up by id. */

const byKind: ReadonlyMap<string, KindSpec> = new Map(KINDS.map((k) => [k.kind, k]));

export function allKinds(): readonly KindSpec[] {
  return KINDS;
}

export function getKind(kind: string): KindSpec | undefined {
  return byKind.get(kind);
}

export function isKnownKind(kind: string): boolean {
  return byKind.has(kind);
}

export function isContainerKind(kind: string): boolean {
  return byKind.get(kind)?.container ?? false;
}

export function kindsInCategory(category: CategoryId): readonly KindSpec[] {
  return KINDS.filter((k) => k.category === category);
}

/** The size a node of this kind gets when none is stored. */
export function defaultSizeOf(kind: string): Size {
  const spec = byKind.get(kind);
  return spec ? { ...spec.defaultSize } : { width: 160, height: 72 };
}

export function propSpec(kind: string, name: string): PropSpec | undefined {
  return byKind.get(kind)?.props.find((p) => p.name === name);
}

/** A fresh copy of a default value (arrays and records are never shared). */
export function cloneJson<T extends Json>(value: T): T {
  return structuredClone(value);
}

/** Every prop of the kind at its default, in catalog order. */
export function defaultProps(kind: string): JsonObject {
  const out: JsonObject = {};
  for (const p of byKind.get(kind)?.props ?? []) out[p.name] = cloneJson(p.default);
  return out;
}
