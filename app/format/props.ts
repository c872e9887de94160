import type { Json, JsonObject } from '../model/types';
import { cloneJson, getKind } from '../catalog/registry';

/**
 * Canonical prop order, shared by the reader (which fills defaults) and the
 * writer (which makes them explicit): catalog props in catalog order, then
 * unknown props in their stored order. Stored values are used as written, even
 * when they do not fit their type (components.md §1.2).
 */

export type PropEntry = readonly [name: string, value: Json];

interface PropDefault {
  readonly name: string;
  readonly default: Json;
}

/**
 * Props of connection kinds (components.md §5.1: only `egressVia` has any).
 * Kept here rather than read from the connection catalog so the file format
 * depends on nothing but the node catalog; a test pins it to the spec table.
 */
export const CONNECTION_PROP_DEFAULTS: ReadonlyMap<string, readonly PropDefault[]> = new Map([
  [
    'egressVia',
    [
      { name: 'destination', default: '0.0.0.0/0' },
      { name: 'internetEgress', default: false },
    ],
  ],
]);

function orderedEntries(defaults: readonly PropDefault[], stored: JsonObject): PropEntry[] {
  const out: PropEntry[] = [];
  const known = new Set<string>();
  for (const p of defaults) {
    known.add(p.name);
    out.push([p.name, Object.hasOwn(stored, p.name) ? (stored[p.name] as Json) : cloneJson(p.default)]);
  }
  for (const [name, value] of Object.entries(stored)) if (!known.has(name)) out.push([name, value]);
  return out;
}

/**
 * Props of a node in canonical order with defaults filled in. A node of an
 * unknown kind is opaque: its props come back exactly as stored.
 */
export function nodePropEntries(kind: string, stored: JsonObject): PropEntry[] {
  const spec = getKind(kind);
  return spec ? orderedEntries(spec.props, stored) : Object.entries(stored);
}

/** Props of a connection in canonical order with defaults filled in. */
export function edgePropEntries(kind: string, stored: JsonObject): PropEntry[] {
  const defaults = CONNECTION_PROP_DEFAULTS.get(kind);
  return defaults ? orderedEntries(defaults, stored) : Object.entries(stored);
}

/**
 * An object from entries. `Object.fromEntries` defines own properties, so a
 * key such as `__proto__` stays plain data and never touches the prototype.
 */
export function objectFromEntries(entries: readonly PropEntry[]): JsonObject {
  return Object.fromEntries(entries) as JsonObject;
}
