import type { Json, JsonObject } from '../model/types';
import { cloneJson, propSpec } from './registry';
import type { PropSpec, RecordFieldSpec } from './types';

/** Prop values (components.md §1.1, §1.2): what fits a prop, and what rules read. */

export interface Cidr {
  /** Address as an unsigned 32-bit integer (host bits are kept as written). */
  readonly address: number;
  readonly prefix: number;
}

// Decimal only, without leading zeros: "010" is octal to some tools, so it is not accepted.
const OCTET = '(0|[1-9]\\d{0,2})';
const CIDR_PATTERN = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(0|[1-9]\\d?)$`);

/** Parses an IPv4 CIDR `a.b.c.d/n`; anything else (including surrounding spaces) is null. */
export function parseCidr(text: string): Cidr | null {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return null;
  const [a, b, c, d, n] = match.slice(1).map(Number);
  if (a === undefined || b === undefined || c === undefined || d === undefined || n === undefined) return null;
  if ([a, b, c, d].some((octet) => octet > 255) || n > 32) return null;
  // Multiplication, not shifts: `<<` works on signed 32-bit values and would go negative.
  return { address: ((a * 256 + b) * 256 + c) * 256 + d, prefix: n };
}

export function isCidr(value: Json): boolean {
  return typeof value === 'string' && parseCidr(value) !== null;
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIntInRange(spec: PropSpec, value: Json): boolean {
  return (
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    (spec.min === undefined || value >= spec.min) &&
    (spec.max === undefined || value <= spec.max)
  );
}

/** A subset of the listed values, in listed order, without duplicates: indices strictly increase. */
function isOrderedSubset(values: readonly string[], value: Json): boolean {
  if (!Array.isArray(value)) return false;
  let previous = -1;
  for (const entry of value) {
    const index = typeof entry === 'string' ? values.indexOf(entry) : -1;
    if (index <= previous) return false;
    previous = index;
  }
  return true;
}

function isValidField(field: RecordFieldSpec, value: Json | undefined): boolean {
  if (typeof value !== 'string') return false;
  return field.type !== 'enum' || (field.values ?? []).includes(value);
}

/**
 * A record needs every declared field; extra fields are tolerated so that data
 * written by a later version survives (as unknown props do, §1.2).
 */
function isValidRecord(fields: readonly RecordFieldSpec[], value: Json): boolean {
  if (!isObject(value)) return false;
  return fields.every((f) => isValidField(f, Object.hasOwn(value, f.name) ? value[f.name] : undefined));
}

/** Whether a stored value fits the prop's type and allowed values (§1.1). */
export function isValidPropValue(spec: PropSpec, value: Json): boolean {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string';
    case 'cidr':
      return value === '' || isCidr(value);
    case 'int':
      return isIntInRange(spec, value);
    case 'int?':
      return value === null || isIntInRange(spec, value);
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value);
    case 'enum[]':
      return isOrderedSubset(spec.values ?? [], value);
    case 'string[]':
      return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
    case 'cidr[]':
      return Array.isArray(value) && value.every(isCidr);
    case 'record[]':
      return Array.isArray(value) && value.every((entry) => isValidRecord(spec.recordFields ?? [], entry));
  }
}

/**
 * The value rules read (§1.2): the stored value if it fits, else the default.
 * Props the catalog does not know are returned as stored (null when absent);
 * rules are not meant to ask for them.
 */
export function readProp(kind: string, props: JsonObject, name: string): Json {
  // hasOwn, so a prop named like an Object.prototype member is never "found".
  const stored = Object.hasOwn(props, name) ? props[name] : undefined;
  const spec = propSpec(kind, name);
  if (!spec) return stored ?? null;
  return stored !== undefined && isValidPropValue(spec, stored) ? stored : cloneJson(spec.default);
}
