import { describe, expect, it } from 'vitest';
import { allowedChildKinds, checkPlacement, type PlacementCheck } from './placement';
import { allKinds } from './registry';

function refusal(check: PlacementCheck): { rule: string; en: string; ja: string } {
  if (check.ok) throw new Error('expected a refusal');
  return { rule: check.rule, en: check.reason.en, ja: check.reason.ja };
}

describe('checkPlacement', () => {
  it('allows the drops §3 lists', () => {
    for (const [kind, parent] of [
      ['vpc', null],
      ['vpc', 'customerAccount'],
      ['subnet', 'availabilityZone'],
      ['subnet', 'vpc'],
      ['workload', 'managedNodeGroup'],
      ['workload', 'k8sNamespace'],
      ['eksControlPlane', 'awsManagedAccount'],
      ['clusterEni', 'subnet'],
      ['hybridNodePool', 'onPremises'],
      ['kubectlClient', 'subnet'],
    ] as const) {
      expect(checkPlacement(kind, parent), `${kind} in ${parent ?? 'root'}`).toEqual({ ok: true });
    }
  });

  it('CP-001: a control plane anywhere but an AWS-managed account', () => {
    for (const parent of [null, 'customerAccount', 'vpc', 'subnet', 'onPremises']) {
      const r = refusal(checkPlacement('eksControlPlane', parent));
      expect(r.rule).toBe('CP-001');
      expect(r.en).toBe('The EKS control plane runs in an AWS-managed account, not in your account or VPC.');
    }
  });

  it('CP-002 (a): anything else in the AWS-managed account', () => {
    for (const kind of ['vpc', 'managedNodeGroup', 'iamRole', 'clusterEni', 'hybridNodePool']) {
      expect(refusal(checkPlacement(kind, 'awsManagedAccount')).rule, kind).toBe('CP-002');
    }
    expect(refusal(checkPlacement('vpc', 'awsManagedAccount')).en).toBe(
      'Only the control plane lives in the AWS-managed account; VPC belongs in your own account.',
    );
  });

  it('CP-002 (b): a cluster ENI outside a subnet', () => {
    for (const parent of [null, 'vpc', 'availabilityZone', 'managedNodeGroup']) {
      const r = refusal(checkPlacement('clusterEni', parent));
      expect(r.rule).toBe('CP-002');
      expect(r.en).toMatch(/^A cluster ENI sits in one of your subnets/);
    }
  });

  it('DP-006 (d): hybrid nodes outside an on-premises network', () => {
    const r = refusal(checkPlacement('hybridNodePool', 'subnet'));
    expect(r).toEqual({
      rule: 'DP-006',
      en: "Hybrid nodes can't run in Subnet: they are your own machines, so they sit in an on-premises network.",
      ja: 'ハイブリッドノードはサブネットでは動きません。お客様自身のマシンなので、オンプレミス環境の中に置いてください。',
    });
    expect(refusal(checkPlacement('hybridNodePool', null)).en).toMatch(/^Hybrid nodes can't run on the canvas/);
  });

  it('PLACE-001: everything else, naming the allowed parents', () => {
    expect(refusal(checkPlacement('natGateway', 'vpc'))).toEqual({
      rule: 'PLACE-001',
      en: "NAT gateway can't sit in VPC; it belongs in Subnet.",
      ja: 'NAT ゲートウェイを VPC に置くことはできません。置ける場所: サブネット。',
    });
    expect(refusal(checkPlacement('transitGateway', 'vpc')).en).toBe(
      "Transit gateway can't sit in VPC; it belongs on the canvas or in AWS account (yours).",
    );
    const w = refusal(checkPlacement('workload', null));
    expect(w.rule).toBe('PLACE-001');
    expect(w.en).toMatch(/^Workload can't sit on the canvas; it belongs in Kubernetes namespace, Managed node group, .* or Hybrid nodes\.$/);
    expect(w.ja).toMatch(/^ワークロードをキャンバスに置くことはできません。置ける場所: Kubernetes 名前空間、/);
  });

  it('refuses any drop into a leaf', () => {
    expect(refusal(checkPlacement('workload', 'k8sService')).rule).toBe('PLACE-001');
    expect(refusal(checkPlacement('subnet', 'securityGroup')).rule).toBe('PLACE-001');
  });

  it('does not check unknown kinds at either end', () => {
    expect(checkPlacement('workload', 'mysteryBox')).toEqual({ ok: true });
    expect(checkPlacement('mysteryBox', 'vpc')).toEqual({ ok: true });
  });
});

describe('allowedChildKinds', () => {
  it('reads §3 the other way', () => {
    expect(allowedChildKinds('awsManagedAccount')).toEqual(['eksControlPlane']);
    expect(allowedChildKinds('internet')).toEqual(['kubectlClient', 'endUser']);
    expect(new Set(allowedChildKinds('onPremises'))).toEqual(new Set(['hybridNodePool', 'kubectlClient', 'endUser']));
    expect(new Set(allowedChildKinds('subnet'))).toEqual(
      new Set([
        'natGateway', 'vpcEndpoint', 'clusterEni', 'managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool',
        'fargateProfile', 'applicationLoadBalancer', 'networkLoadBalancer', 'classicLoadBalancer', 'kubectlClient',
      ]),
    );
    expect(allowedChildKinds(null)).toHaveLength(20);
    expect(allowedChildKinds('fargateProfile')).toEqual(['workload', 'k8sService', 'ingress', 'hpa', 'persistentVolume', 'addon']);
  });

  it('is empty for leaves and unknown kinds', () => {
    expect(allowedChildKinds('k8sService')).toEqual([]);
    expect(allowedChildKinds('mysteryBox')).toEqual([]);
  });

  it('agrees with checkPlacement for every pair of kinds', () => {
    const parents = [null, ...allKinds().map((k) => k.kind)];
    for (const parent of parents) {
      const allowed = new Set(allowedChildKinds(parent));
      for (const k of allKinds()) expect(checkPlacement(k.kind, parent).ok, `${k.kind} in ${parent ?? 'root'}`).toBe(allowed.has(k.kind));
    }
  });
});
