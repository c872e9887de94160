import type { KindSpec } from '../types';
import { awsManagedAccount } from './awsManagedAccount';
import { customerAccount } from './customerAccount';
import { internet } from './internet';
import { onPremises } from './onPremises';
import { vpc } from './vpc';
import { availabilityZone } from './availabilityZone';
import { subnet } from './subnet';
import { internetGateway } from './internetGateway';
import { natGateway } from './natGateway';
import { vpcEndpoint } from './vpcEndpoint';
import { transitGateway } from './transitGateway';
import { virtualPrivateGateway } from './virtualPrivateGateway';
import { hybridLink } from './hybridLink';
import { vpcPeering } from './vpcPeering';
import { eksControlPlane } from './eksControlPlane';
import { clusterEni } from './clusterEni';
import { managedNodeGroup } from './managedNodeGroup';
import { selfManagedNodeGroup } from './selfManagedNodeGroup';
import { karpenterNodePool } from './karpenterNodePool';
import { fargateProfile } from './fargateProfile';
import { hybridNodePool } from './hybridNodePool';
import { k8sNamespace } from './k8sNamespace';
import { workload } from './workload';
import { k8sService } from './k8sService';
import { ingress } from './ingress';
import { hpa } from './hpa';
import { persistentVolume } from './persistentVolume';
import { addon } from './addon';
import { applicationLoadBalancer } from './applicationLoadBalancer';
import { networkLoadBalancer } from './networkLoadBalancer';
import { classicLoadBalancer } from './classicLoadBalancer';
import { apiGateway } from './apiGateway';
import { vpcLink } from './vpcLink';
import { acmCertificate } from './acmCertificate';
import { iamRole } from './iamRole';
import { kmsKey } from './kmsKey';
import { securityGroup } from './securityGroup';
import { secretsManagerSecret } from './secretsManagerSecret';
import { ecrRepository } from './ecrRepository';
import { awsService } from './awsService';
import { cloudWatch } from './cloudWatch';
import { cloudMapNamespace } from './cloudMapNamespace';
import { kubectlClient } from './kubectlClient';
import { endUser } from './endUser';

/** Every node kind of components.md §3, in the order of its table (also palette order). */
export const KINDS: readonly KindSpec[] = [
  awsManagedAccount,
  customerAccount,
  internet,
  onPremises,
  vpc,
  availabilityZone,
  subnet,
  internetGateway,
  natGateway,
  vpcEndpoint,
  transitGateway,
  virtualPrivateGateway,
  hybridLink,
  vpcPeering,
  eksControlPlane,
  clusterEni,
  managedNodeGroup,
  selfManagedNodeGroup,
  karpenterNodePool,
  fargateProfile,
  hybridNodePool,
  k8sNamespace,
  workload,
  k8sService,
  ingress,
  hpa,
  persistentVolume,
  addon,
  applicationLoadBalancer,
  networkLoadBalancer,
  classicLoadBalancer,
  apiGateway,
  vpcLink,
  acmCertificate,
  iamRole,
  kmsKey,
  securityGroup,
  secretsManagerSecret,
  ecrRepository,
  awsService,
  cloudWatch,
  cloudMapNamespace,
  kubectlClient,
  endUser,
];
