import { describe, expect, it } from 'vitest';
import type { Json } from '../model/types';
import { isValidPropValue, parseCidr, readProp } from './props';
import { propSpec } from './registry';
import type { PropSpec } from './types';

function spec(type: PropSpec['type'], extra: Partial<PropSpec> = {}): PropSpec {
  return { name: 'p', type, label: { en: 'P', ja: 'P' }, default: null, ...extra };
}

function check(s: PropSpec, valid: readonly Json[], invalid: readonly Json[]): void {
  for (const v of valid) expect(isValidPropValue(s, v), JSON.stringify(v)).toBe(true);
  for (const v of invalid) expect(isValidPropValue(s, v), JSON.stringify(v)).toBe(false);
}

describe('parseCidr', () => {
  it('reads the address as an unsigned 32-bit integer', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ address: 0x0a000000, prefix: 16 });
    expect(parseCidr('255.255.255.255/32')).toEqual({ address: 0xffffffff, prefix: 32 });
    expect(parseCidr('0.0.0.0/0')).toEqual({ address: 0, prefix: 0 });
    expect(parseCidr('192.168.1.7/24')).toEqual({ address: 0xc0a80107, prefix: 24 });
  });

  const malformed = [
    '', '10.0.0.0', '10.0.0/16', '256.0.0.0/8', '10.0.0.0/33', '10.0.0.01/8',
    '10.0.0.0/016', ' 10.0.0.0/8', 'a.b.c.d/8', '10.0.0.0/-1',
  ];
  it.each(malformed)('rejects %j', (text) => expect(parseCidr(text)).toBeNull());
});

describe('isValidPropValue', () => {
  it('string: any string', () => {
    check(spec('string'), ['', 'x', ' spaced '], [null, 1, true, ['x'], {}]);
  });

  it('cidr: empty or one IPv4 CIDR', () => {
    check(spec('cidr'), ['', '10.0.0.0/16', '0.0.0.0/0'], ['10.0.0.0', '300.0.0.0/8', null, 10, ['10.0.0.0/8']]);
  });

  it('int: an integer within min and max', () => {
    const s = spec('int', { min: 1, max: 737 });
    check(s, [1, 110, 737], [0, 738, 1.5, '5', null, true, Number.NaN]);
    check(spec('int', { min: 0 }), [0, 1_000_000], [-1]);
  });

  it('int?: null or an integer within range', () => {
    check(spec('int?', { min: 0 }), [null, 0, 42], [-1, 0.5, '1', false]);
  });

  it('bool', () => {
    check(spec('bool'), [true, false], ['true', 0, null]);
  });

  it('enum: exactly one listed value', () => {
    check(spec('enum', { values: ['a', 'b'] }), ['a', 'b'], ['c', 'A', '', null, ['a']]);
  });

  it('enum[]: listed values, in listed order, no duplicates', () => {
    const s = spec('enum[]', { values: ['a', 'b', 'c'] });
    check(s, [[], ['a'], ['a', 'c'], ['a', 'b', 'c']], [['c', 'a'], ['a', 'a'], ['d'], [1], 'a', null]);
  });

  it('string[]: an array of strings', () => {
    check(spec('string[]'), [[], ['m6i.large', '']], [['x', 1], 'x', null, [null]]);
  });

  it('cidr[]: an array of non-empty CIDRs', () => {
    check(spec('cidr[]'), [[], ['10.0.0.0/8', '192.168.0.0/16']], [[''], ['10.0.0.0'], '10.0.0.0/8', [null]]);
  });

  it('record[]: objects whose enum fields are valid and other fields strings', () => {
    const rules = propSpec('securityGroup', 'rules');
    expect(rules).toBeDefined();
    if (!rules) return;
    const ok = { direction: 'inbound', protocol: 'tcp', ports: '443', peer: 'self', description: '' };
    check(
      rules,
      [[], [ok], [ok, { ...ok, direction: 'outbound', protocol: 'all' }], [{ ...ok, extra: 1 }]],
      [
        [{ ...ok, direction: 'both' }],
        [{ ...ok, protocol: 'TCP' }],
        [{ ...ok, ports: 443 }],
        [{ direction: 'inbound', protocol: 'tcp', ports: '443', peer: 'self' }],
        [null],
        [[ok]],
        ok,
      ],
    );
  });
});

describe('readProp', () => {
  it('returns a valid stored value', () => {
    expect(readProp('vpc', { cidr: '10.0.0.0/16' }, 'cidr')).toBe('10.0.0.0/16');
    expect(readProp('managedNodeGroup', { maxSize: 5 }, 'maxSize')).toBe(5);
  });

  it('falls back to the default for a missing or invalid value', () => {
    expect(readProp('vpc', {}, 'cidr')).toBe('');
    expect(readProp('vpc', { cidr: '10.0.0/16' }, 'cidr')).toBe('');
    expect(readProp('managedNodeGroup', { maxPodsPerNode: 800 }, 'maxPodsPerNode')).toBeNull();
    expect(readProp('subnet', { tier: 'dmz' }, 'tier')).toBe('private');
    expect(readProp('addon', { namespace: 7 }, 'namespace')).toBe('kube-system');
  });

  it('returns a fresh copy of an array default', () => {
    const first = readProp('eksControlPlane', { publicAccessCidrs: ['bad'] }, 'publicAccessCidrs');
    expect(first).toEqual(['0.0.0.0/0']);
    if (Array.isArray(first)) first.push('10.0.0.0/8');
    expect(readProp('eksControlPlane', {}, 'publicAccessCidrs')).toEqual(['0.0.0.0/0']);
    expect(propSpec('eksControlPlane', 'publicAccessCidrs')?.default).toEqual(['0.0.0.0/0']);
  });

  it('does not mistake Object.prototype members for stored props', () => {
    expect(readProp('vpc', {}, 'constructor')).toBeNull();
    expect(readProp('vpc', {}, 'toString')).toBeNull();
  });

  it('returns unknown props as stored', () => {
    expect(readProp('vpc', { note: 'kept' }, 'note')).toBe('kept');
    expect(readProp('noSuchKind', { x: 1 }, 'x')).toBe(1);
  });
});
