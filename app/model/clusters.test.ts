import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  clusterOf,
  IMPLICIT_CLUSTER,
  indexDocument,
  inNodes,
  outNodes,
  runsOnOf,
  up,
} from './clusters';
import { doc, edge, node } from './testing';

describe('indexDocument', () => {
  it('indexes children, kinds and edges by kind in both directions', () => {
    const d = doc(
      [node('v', 'vpc'), node('s', 'subnet', 'v'), node('ng', 'managedNodeGroup', 's'), node('w', 'workload', 'ng'), node('orphan', 'workload', 'gone')],
      [edge('u', 'usesSubnet', 'ng', 's'), edge('dangling', 'runsOn', 'w', 'nowhere')],
    );
    const ix = indexDocument(d);
    expect(childrenOf(ix, null).map((n) => n.id)).toEqual(['v', 'orphan']);
    expect(childrenOf(ix, 'v').map((n) => n.id)).toEqual(['s']);
    expect(outNodes(ix, 'ng', 'usesSubnet').map((n) => n.id)).toEqual(['s']);
    expect(inNodes(ix, 's', 'usesSubnet').map((n) => n.id)).toEqual(['ng']);
    expect(ix.edges.map((e) => e.id)).toEqual(['u']);
    expect(up(ix, 'w', new Set(['vpc']))?.id).toBe('v');
    expect(up(ix, 'v', new Set(['vpc']))).toBeUndefined();
    expect(runsOnOf(ix, 'w').map((n) => n.id)).toEqual(['ng']);
  });

  it('indexes only the edges it is given', () => {
    const d = doc([node('w', 'workload'), node('ng', 'managedNodeGroup')], [edge('r', 'runsOn', 'w', 'ng')]);
    expect(runsOnOf(indexDocument(d, []), 'w')).toEqual([]);
  });
});

describe('clusterOf', () => {
  it('puts everything in the implicit cluster when there is no control plane', () => {
    const ix = indexDocument(doc([node('v', 'vpc'), node('ng', 'managedNodeGroup', 'v'), node('w', 'workload', 'ng')]));
    for (const id of ['v', 'ng', 'w']) expect(clusterOf(ix, id)).toBe(IMPLICIT_CLUSTER);
    expect(clusterOf(ix, 'missing')).toBeNull();
  });

  it('puts everything in the one control plane, edges or not', () => {
    const ix = indexDocument(
      doc([node('cp', 'eksControlPlane'), node('ng', 'managedNodeGroup'), node('eni', 'clusterEni'), node('ns', 'k8sNamespace'), node('role', 'iamRole')]),
    );
    for (const id of ['cp', 'ng', 'eni', 'ns', 'role']) expect(clusterOf(ix, id)).toBe('cp');
  });

  describe('with two control planes', () => {
    const base = [
      node('cp1', 'eksControlPlane'),
      node('cp2', 'eksControlPlane'),
      node('ng1', 'managedNodeGroup'),
      node('ng2', 'fargateProfile'),
      node('ngX', 'karpenterNodePool'),
      node('eni1', 'clusterEni'),
      node('eniX', 'clusterEni'),
      node('role', 'iamRole'),
    ];
    const baseEdges = [edge('j1', 'joins', 'ng1', 'cp1'), edge('j2', 'joins', 'ng2', 'cp2'), edge('a1', 'eniAttachment', 'cp1', 'eni1')];

    it('resolves compute by joins and ENIs by eniAttachment; other kinds stay unresolved', () => {
      const ix = indexDocument(doc(base, baseEdges));
      expect(clusterOf(ix, 'ng1')).toBe('cp1');
      expect(clusterOf(ix, 'ng2')).toBe('cp2');
      expect(clusterOf(ix, 'ngX')).toBeNull();
      expect(clusterOf(ix, 'eni1')).toBe('cp1');
      expect(clusterOf(ix, 'eniX')).toBeNull();
      expect(clusterOf(ix, 'role')).toBeNull();
      expect(clusterOf(ix, 'cp2')).toBe('cp2');
    });

    it('resolves a pod by its compute, a parent compute included', () => {
      const ix = indexDocument(
        doc(
          [...base, node('inside', 'workload', 'ng2'), node('w', 'workload'), node('split', 'workload'), node('lost', 'addon')],
          [
            ...baseEdges,
            edge('r1', 'runsOn', 'w', 'ng1'),
            edge('r2', 'runsOn', 'split', 'ng1'),
            edge('r3', 'runsOn', 'split', 'ng2'),
            edge('r4', 'runsOn', 'lost', 'ngX'),
          ],
        ),
      );
      expect(clusterOf(ix, 'inside')).toBe('cp2');
      expect(clusterOf(ix, 'w')).toBe('cp1');
      expect(clusterOf(ix, 'split')).toBeNull();
      expect(clusterOf(ix, 'lost')).toBeNull();
      // Without one of its edges, the split pod resolves to the other cluster.
      expect(clusterOf(ix, 'split', { id: 'r3', kind: 'runsOn' })).toBe('cp1');
      expect(clusterOf(ix, 'split', { id: 'r2', kind: 'runsOn' })).toBe('cp2');
    });

    it('resolves a namespace by belongsTo, else by what its objects run on', () => {
      const ix = indexDocument(
        doc(
          [
            ...base,
            node('nsB', 'k8sNamespace'),
            node('nsR', 'k8sNamespace'),
            node('nsMixed', 'k8sNamespace'),
            node('nsEmpty', 'k8sNamespace'),
            node('b', 'k8sService', 'nsB'),
            node('r1', 'workload', 'nsR'),
            node('r2', 'hpa', 'nsR'),
            node('m1', 'workload', 'nsMixed'),
            node('m2', 'workload', 'nsMixed'),
            node('idle', 'k8sService', 'nsEmpty'),
          ],
          [
            ...baseEdges,
            edge('bt', 'belongsTo', 'nsB', 'cp2'),
            edge('e1', 'runsOn', 'r1', 'ng1'),
            edge('e2', 'runsOn', 'm1', 'ng1'),
            edge('e3', 'runsOn', 'm2', 'ng2'),
          ],
        ),
      );
      expect(clusterOf(ix, 'nsB')).toBe('cp2');
      expect(clusterOf(ix, 'b')).toBe('cp2');
      expect(clusterOf(ix, 'nsR')).toBe('cp1');
      // An object with no runsOn takes its namespace's cluster.
      expect(clusterOf(ix, 'r2')).toBe('cp1');
      expect(clusterOf(ix, 'nsMixed')).toBeNull();
      expect(clusterOf(ix, 'nsEmpty')).toBeNull();
      expect(clusterOf(ix, 'idle')).toBeNull();
      // Without m2's edge the mixed namespace is all cp1, which m2 then inherits.
      expect(clusterOf(ix, 'm2', { id: 'e3', kind: 'runsOn' })).toBe('cp1');
      // Without r1's edge nothing in nsR runs anywhere: unresolved.
      expect(clusterOf(ix, 'r1', { id: 'e1', kind: 'runsOn' })).toBeNull();
      // Leaving out an edge that clusterOf does not read changes nothing.
      expect(clusterOf(ix, 'r1', { id: 'j1', kind: 'mounts' })).toBe('cp1');
      // Leaving out a joins edge is honoured too (generic path).
      expect(clusterOf(ix, 'r1', { id: 'j1', kind: 'joins' })).toBeNull();
    });

    it('resolves a load balancer by its owners when they agree', () => {
      const ix = indexDocument(
        doc(
          [
            ...base,
            node('s1', 'k8sService', 'ng1'),
            node('i1', 'ingress', 'ng1'),
            node('s2', 'k8sService', 'ng2'),
            node('alb', 'applicationLoadBalancer'),
            node('nlb', 'networkLoadBalancer'),
            node('clb', 'classicLoadBalancer'),
          ],
          [...baseEdges, edge('p1', 'provisions', 's1', 'alb'), edge('p2', 'provisions', 'i1', 'alb'), edge('p3', 'provisions', 's2', 'nlb'), edge('p4', 'provisions', 's1', 'nlb')],
        ),
      );
      expect(clusterOf(ix, 'alb')).toBe('cp1');
      expect(clusterOf(ix, 'nlb')).toBeNull();
      expect(clusterOf(ix, 'clb')).toBeNull();
    });
  });
});
