import { parseCidr } from '../catalog/props';

/**
 * Value helpers of components.md §7.8: CIDR comparisons, Kubernetes minor
 * versions and EC2 instance shapes. Every helper answers `null` (⊥) when an
 * input does not parse, so that a rule can skip the comparison instead of
 * guessing (§1.2: "not stated" never produces a finding by itself).
 */

interface Range {
  readonly start: number;
  readonly end: number;
}

/** The address range a CIDR covers (host bits ignored, as AWS does when it normalises a block). */
function range(cidr: string): Range | null {
  const c = parseCidr(cidr);
  if (!c) return null;
  // Arithmetic, not bit operations: JS shifts are signed 32-bit and break above 2^31.
  const size = 2 ** (32 - c.prefix);
  const start = Math.floor(c.address / size) * size;
  return { start, end: start + size - 1 };
}

/** `contains(a, b)`: b's range lies within a. */
export function contains(a: string, b: string): boolean | null {
  const ra = range(a);
  const rb = range(b);
  if (!ra || !rb) return null;
  return ra.start <= rb.start && rb.end <= ra.end;
}

export function overlaps(a: string, b: string): boolean | null {
  const ra = range(a);
  const rb = range(b);
  if (!ra || !rb) return null;
  return ra.start <= rb.end && rb.start <= ra.end;
}

/** `inRange(ip, a)`: the IPv4 address ip lies within the CIDR a. */
export function inRange(ip: string, cidr: string): boolean | null {
  return contains(cidr, `${ip}/32`);
}

const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;

/** `isRfc1918(a)`: a lies within one of the three private blocks. */
export function isRfc1918(cidr: string): boolean | null {
  if (!range(cidr)) return null;
  return PRIVATE_BLOCKS.some((block) => contains(block, cidr) === true);
}

/** A Kubernetes minor version, compared numerically (1.9 < 1.10). */
export type Minor = readonly [major: number, minor: number];

const VERSION = /^v?(\d+)\.(\d+)(?:$|[.\-+])/;

/** `minor(v)`: the first two dot-separated integers after an optional leading `v` ("v1.33.2-eksbuild.1" → 1.33). */
export function minor(version: string): Minor | null {
  const m = VERSION.exec(version.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2])];
}

export function compareMinor(a: Minor, b: Minor): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

/**
 * `shape(t)` for an EC2 type `family.size`: (first letter of the family,
 * size), written `m.large`. It approximates "same vCPU, memory and
 * accelerators" the way Cluster Autoscaler's advice needs it.
 */
export function shape(instanceType: string): string | null {
  const m = /^([a-z])[a-z0-9-]*\.([a-z0-9]+)$/i.exec(instanceType.trim());
  if (!m) return null;
  return `${(m[1] as string).toLowerCase()}.${(m[2] as string).toLowerCase()}`;
}
