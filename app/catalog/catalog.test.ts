import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, getCategory } from './categories';
import { KINDS } from './kinds';
import { isValidPropValue } from './props';
import { getKind } from './registry';
import { COMPUTE } from './sets';

const containerIds = new Set(KINDS.filter((k) => k.container).map((k) => k.kind));

/**
 * components.md §3 "read the other way": which kinds each container may hold.
 * Kept here independently of the kind files so a typo in either shows up.
 */
const K8S_OBJECTS = ['workload', 'k8sService', 'ingress', 'hpa', 'persistentVolume', 'addon'];
const MAY_HOLD: Record<string, readonly string[]> = {
  root: [
    'awsManagedAccount', 'customerAccount', 'internet', 'onPremises', 'vpc', 'k8sNamespace',
    'transitGateway', 'virtualPrivateGateway', 'hybridLink', 'vpcPeering', 'apiGateway', 'vpcLink',
    'acmCertificate', 'iamRole', 'kmsKey', 'secretsManagerSecret', 'ecrRepository', 'awsService',
    'cloudWatch', 'cloudMapNamespace',
  ],
  awsManagedAccount: ['eksControlPlane'],
  customerAccount: [
    'vpc', 'k8sNamespace', 'transitGateway', 'virtualPrivateGateway', 'vpcPeering', 'apiGateway',
    'vpcLink', 'acmCertificate', 'iamRole', 'kmsKey', 'secretsManagerSecret', 'ecrRepository',
    'awsService', 'cloudWatch', 'cloudMapNamespace',
  ],
  internet: ['kubectlClient', 'endUser'],
  onPremises: ['hybridNodePool', 'kubectlClient', 'endUser'],
  vpc: [
    'availabilityZone', 'subnet', 'internetGateway', 'vpcEndpoint', 'securityGroup', 'k8sNamespace',
    'managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool', 'fargateProfile',
    'applicationLoadBalancer', 'networkLoadBalancer', 'classicLoadBalancer',
  ],
  availabilityZone: ['subnet', 'managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool', 'fargateProfile'],
  subnet: [
    'natGateway', 'vpcEndpoint', 'clusterEni', 'managedNodeGroup', 'selfManagedNodeGroup',
    'karpenterNodePool', 'fargateProfile', 'applicationLoadBalancer', 'networkLoadBalancer',
    'classicLoadBalancer', 'kubectlClient',
  ],
  k8sNamespace: K8S_OBJECTS,
  ...Object.fromEntries(COMPUTE.map((c) => [c, K8S_OBJECTS])),
};

describe('catalog integrity', () => {
  it('has the 44 kinds of §3, 13 of them containers, with unique ids', () => {
    expect(KINDS).toHaveLength(44);
    expect(containerIds.size).toBe(13);
    expect(new Set(KINDS.map((k) => k.kind)).size).toBe(44);
  });

  it('is reachable through the registry', () => {
    for (const spec of KINDS) expect(getKind(spec.kind)).toBe(spec);
  });

  it.each(KINDS.map((k) => [k.kind, k] as const))('%s has names, a description and a known category', (_, spec) => {
    expect(spec.name.en.trim()).not.toBe('');
    expect(spec.name.ja.trim()).not.toBe('');
    expect(spec.description.en.trim()).not.toBe('');
    expect(spec.description.ja.trim()).not.toBe('');
    expect(getCategory(spec.category)).toBeDefined();
  });

  it.each(KINDS.map((k) => [k.kind, k] as const))('%s may only sit at root or in a container', (_, spec) => {
    expect(spec.allowedParents.length).toBeGreaterThan(0);
    for (const parent of spec.allowedParents) {
      expect(parent === 'root' || containerIds.has(parent), `${spec.kind} in ${parent}`).toBe(true);
    }
  });

  it('gives leaves the 160 × 72 icon size', () => {
    for (const spec of KINDS.filter((k) => !k.container)) {
      expect(spec.defaultSize, spec.kind).toEqual({ width: 160, height: 72 });
    }
  });

  it.each(KINDS.map((k) => [k.kind, k] as const))('%s has valid, uniquely named props', (_, spec) => {
    expect(new Set(spec.props.map((p) => p.name)).size).toBe(spec.props.length);
    for (const prop of spec.props) {
      expect(prop.label.en && prop.label.ja, `${spec.kind}.${prop.name} label`).toBeTruthy();
      expect(isValidPropValue(prop, prop.default), `${spec.kind}.${prop.name} default`).toBe(true);
      if (prop.type === 'enum' || prop.type === 'enum[]') expect(prop.values?.length).toBeGreaterThan(0);
      if (prop.type === 'record[]') expect(prop.recordFields?.length).toBeGreaterThan(0);
    }
  });

  it('every Kubernetes object has a namespace, add-ons in kube-system', () => {
    for (const kind of K8S_OBJECTS) {
      const ns = getKind(kind)?.props.find((p) => p.name === 'namespace');
      expect(ns?.default, kind).toBe(kind === 'addon' ? 'kube-system' : 'default');
    }
  });

  it('selfManagedNodeGroup has every managedNodeGroup prop with the same default', () => {
    const managed = getKind('managedNodeGroup')?.props ?? [];
    const self = getKind('selfManagedNodeGroup')?.props ?? [];
    for (const prop of managed) {
      expect(self.find((p) => p.name === prop.name)?.default, prop.name).toEqual(prop.default);
    }
    expect(self.map((p) => p.name).slice(managed.length)).toEqual(['clusterTag', 'autoDiscoveryTags', 'bootstrapArgs']);
  });

  it.each(KINDS.map((k) => [k.kind, k] as const))('%s has an icon file', (_, spec) => {
    // Icons are drawn separately; this fails until assets/icons/<icon>.svg exists.
    const file = fileURLToPath(new URL(`../../assets/icons/${spec.icon}.svg`, import.meta.url));
    expect(existsSync(file), file).toBe(true);
  });

  it('lists every category of §2 in order, each with at least one kind', () => {
    expect(CATEGORIES.map((c) => c.id)).toEqual([
      'accounts', 'network', 'controlPlane', 'compute', 'kubernetes',
      'loadBalancing', 'apiFrontDoor', 'security', 'services', 'clients',
    ]);
    for (const category of CATEGORIES) {
      expect(KINDS.some((k) => k.category === category.id), category.id).toBe(true);
      expect(category.color).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it('matches the "may hold" table of §3 read the other way', () => {
    expect(Object.keys(MAY_HOLD).sort()).toEqual(['root', ...containerIds].sort());
    for (const [container, expected] of Object.entries(MAY_HOLD)) {
      const actual = KINDS.filter((k) => k.allowedParents.includes(container)).map((k) => k.kind);
      expect(actual.sort(), container).toEqual([...expected].sort());
    }
  });
});

describe('appliesWhen', () => {
  const applies = (kind: string, prop: string, props: Record<string, string>): boolean | undefined =>
    getKind(kind)?.props.find((p) => p.name === prop)?.appliesWhen?.(props);

  it('shows add-on props only for their add-on type', () => {
    expect(applies('addon', 'autoDiscovery', { addonType: 'cluster-autoscaler' })).toBe(true);
    expect(applies('addon', 'autoDiscovery', { addonType: 'karpenter' })).toBe(false);
    expect(applies('addon', 'interruptionQueue', { addonType: 'karpenter' })).toBe(true);
    expect(applies('addon', 'regionVpcFlags', { addonType: 'aws-load-balancer-controller' })).toBe(true);
    expect(applies('addon', 'cniMode', { addonType: 'calico' })).toBe(true);
    expect(applies('addon', 'cniMode', { addonType: 'vpc-cni' })).toBe(false);
  });

  it('reads a missing or invalid controlling value as its default', () => {
    expect(applies('vpcEndpoint', 'privateDns', {})).toBe(true);
    expect(applies('vpcEndpoint', 'privateDns', { type: 'bogus' })).toBe(true);
    expect(applies('vpcEndpoint', 'privateDns', { type: 'gateway' })).toBe(false);
    expect(applies('workload', 'ttlSecondsAfterFinished', {})).toBe(false);
    expect(applies('workload', 'ttlSecondsAfterFinished', { workloadType: 'Job' })).toBe(true);
  });
});
