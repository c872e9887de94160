/** Kind sets of components.md §7.1, named as the specs name them. */

export const EC2 = ['managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool'] as const;
export const VPC_COMPUTE = [...EC2, 'fargateProfile'] as const;
export const COMPUTE = [...VPC_COMPUTE, 'hybridNodePool'] as const;
export const LBS = ['applicationLoadBalancer', 'networkLoadBalancer', 'classicLoadBalancer'] as const;
export const ALB_NLB = ['applicationLoadBalancer', 'networkLoadBalancer'] as const;
export const K8S = ['workload', 'k8sService', 'ingress', 'hpa', 'persistentVolume', 'addon'] as const;
export const PODS = ['workload', 'addon'] as const;

const asSet = (kinds: readonly string[]): ReadonlySet<string> => new Set(kinds);
export const EC2_SET = asSet(EC2);
export const VPC_COMPUTE_SET = asSet(VPC_COMPUTE);
export const COMPUTE_SET = asSet(COMPUTE);
export const LBS_SET = asSet(LBS);
export const ALB_NLB_SET = asSet(ALB_NLB);
export const K8S_SET = asSet(K8S);
export const PODS_SET = asSet(PODS);
