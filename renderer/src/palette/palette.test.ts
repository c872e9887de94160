import { describe, expect, it } from 'vitest';
import { allKinds } from '../../../app/catalog/registry';
import { matchesKind } from './Palette';

const search = (q: string) => allKinds().filter((k) => matchesKind(k, q)).map((k) => k.kind);

describe('palette search', () => {
  it('finds kinds by English or Japanese name, ignoring case and width', () => {
    expect(search('fargate')).toEqual(['fargateProfile']);
    expect(search('ＦＡＲＧＡＴＥ')).toEqual(['fargateProfile']);
    expect(search('ノードグループ')).toEqual(['managedNodeGroup', 'selfManagedNodeGroup']);
    expect(search('load balancer')).toHaveLength(3);
    expect(search('nat')).toContain('natGateway');
    expect(search('')).toHaveLength(44);
    expect(search('no such thing')).toEqual([]);
  });
});
