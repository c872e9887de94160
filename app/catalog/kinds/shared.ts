import type { Json, Size } from '../../model/types';
import { COMPUTE } from '../sets';
import type { ParentRef, PropSpec } from '../types';

/**
 * Pieces that several kind files share, so that kinds the spec defines in
 * terms of each other (selfManagedNodeGroup = managedNodeGroup + extras, the
 * three load balancers) cannot drift apart.
 */

/** A fresh object per kind, so no two specs share a mutable Size. */
export function size(width: number, height: number): Size {
  return { width, height };
}

/** Leaves are drawn as an icon with a label (components.md §3). */
export function leafSize(): Size {
  return size(160, 72);
}

/** Compute containers all start at the same size (§3). */
export function computeSize(): Size {
  return size(320, 180);
}

/** Account-level resources that live outside any VPC. */
export const ACCOUNT_LEVEL: readonly ParentRef[] = ['root', 'customerAccount'];

/** VPC compute: a subnet pins the network; an AZ or VPC leaves it to `usesSubnet` edges. */
export const VPC_COMPUTE_PARENTS: readonly ParentRef[] = ['subnet', 'availabilityZone', 'vpc'];

/** Load balancers and interface endpoints sit in a subnet, or in the VPC with `usesSubnet` edges. */
export const SUBNET_OR_VPC: readonly ParentRef[] = ['subnet', 'vpc'];

/** Kubernetes objects sit in a namespace box or on the compute they run on. */
export const K8S_OBJECT_PARENTS: readonly ParentRef[] = ['k8sNamespace', ...COMPUTE];

type AppliesWhen = NonNullable<PropSpec['appliesWhen']>;

/**
 * `appliesWhen` for props that belong to some values of an enum prop. The
 * controlling value is read as rules read it (§1.2): a missing or invalid
 * value counts as the default, so the inspector and the rules agree.
 */
export function whenEnumIs(control: PropSpec, accepted: readonly string[]): AppliesWhen {
  return (props) => {
    const raw: Json | undefined = Object.hasOwn(props, control.name) ? props[control.name] : undefined;
    const value = typeof raw === 'string' && (control.values ?? []).includes(raw) ? raw : control.default;
    return typeof value === 'string' && accepted.includes(value);
  };
}

// ---- Kubernetes objects -------------------------------------------------

/** §4.5: every Kubernetes object kind has `namespace`; add-ons default to kube-system. */
export function namespaceProp(defaultNamespace: string): PropSpec {
  return {
    name: 'namespace',
    type: 'string',
    label: { en: 'Namespace', ja: '名前空間' },
    default: defaultNamespace,
    placeholder: defaultNamespace,
    help: {
      en: 'Used only when the object is not drawn inside a namespace box; inside one, the box decides.',
      ja: '名前空間ボックスの外に置いたときだけ使われます。ボックスの中では、そのボックスの名前空間になります。',
    },
  };
}

export const CREDENTIAL_SOURCES = ['none', 'nodeRole', 'irsa', 'podIdentity'] as const;

export function credentialSourceProp(defaultSource: (typeof CREDENTIAL_SOURCES)[number]): PropSpec {
  return {
    name: 'credentialSource',
    type: 'enum',
    label: { en: 'AWS credentials', ja: 'AWS 認証情報' },
    values: CREDENTIAL_SOURCES,
    default: defaultSource,
    help: {
      en: 'How its pods get AWS credentials: the node role, IRSA or EKS Pod Identity.',
      ja: 'Pod が AWS の認証情報を得る方法（ノードロール、IRSA、EKS Pod Identity）。',
    },
  };
}

// ---- Shared between Services, Ingresses and load balancers ------------------

const SCHEMES = ['internal', 'internet-facing'];
const TARGET_TYPES = ['instance', 'ip'];

export function schemeProp(help?: PropSpec['help']): PropSpec {
  return {
    name: 'scheme',
    type: 'enum',
    label: { en: 'Scheme', ja: 'スキーム' },
    values: SCHEMES,
    default: 'internal',
    ...(help ? { help } : {}),
  };
}

export function targetTypeProp(help?: PropSpec['help']): PropSpec {
  return {
    name: 'targetType',
    type: 'enum',
    label: { en: 'Target type', ja: 'ターゲットタイプ' },
    values: TARGET_TYPES,
    default: 'instance',
    ...(help ? { help } : {}),
  };
}

// ---- Load balancers (§4.6) ------------------------------------------------

const OVERRIDDEN_BY_OWNER = {
  en: 'The Ingress or Service that creates this load balancer decides this value.',
  ja: 'このロードバランサーを作成する Ingress や Service がある場合は、そちらの値が優先されます。',
};

const LISTENER_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'TCP_UDP'];

/** ALB, NLB and CLB share their props; only the listener default and targetType differ. */
export function loadBalancerProps(options: {
  readonly listeners: readonly string[];
  readonly withTargetType: boolean;
}): readonly PropSpec[] {
  const props: PropSpec[] = [schemeProp(OVERRIDDEN_BY_OWNER)];
  // A CLB always targets instances, so it has no choice to offer.
  if (options.withTargetType) props.push(targetTypeProp(OVERRIDDEN_BY_OWNER));
  props.push(
    {
      name: 'listeners',
      type: 'enum[]',
      label: { en: 'Listeners', ja: 'リスナー' },
      values: LISTENER_PROTOCOLS,
      default: [...options.listeners],
    },
    {
      name: 'subnetSelection',
      type: 'enum',
      label: { en: 'Subnet selection', ja: 'サブネットの選択' },
      values: ['discovery', 'explicit'],
      default: 'discovery',
      help: {
        en: 'discovery: the controller picks subnets by their kubernetes.io/role tags.',
        ja: 'discovery：コントローラーが kubernetes.io/role タグを見てサブネットを選びます。',
      },
    },
  );
  return props;
}

// ---- Node groups (§4.4) ---------------------------------------------------

const OS_VALUES = ['linux', 'bottlerocket', 'windows'];

export function nodeOsProp(): PropSpec {
  return {
    name: 'os',
    type: 'enum',
    label: { en: 'Operating system', ja: 'OS' },
    values: OS_VALUES,
    default: 'linux',
  };
}

export function gpuProp(help: PropSpec['help']): PropSpec {
  return {
    name: 'gpu',
    type: 'bool',
    label: { en: 'GPU', ja: 'GPU' },
    default: false,
    informative: true,
    help,
  };
}

const GPU_NODES = { en: 'The nodes have GPUs.', ja: 'GPU を搭載したノードです。' };

/** Every managedNodeGroup prop; selfManagedNodeGroup has these too, with the same defaults. */
export const NODE_GROUP_PROPS: readonly PropSpec[] = [
  nodeOsProp(),
  {
    name: 'amiType',
    type: 'enum',
    label: { en: 'AMI', ja: 'AMI' },
    values: ['eksOptimized', 'custom'],
    default: 'eksOptimized',
    informative: true,
  },
  {
    name: 'capacityType',
    type: 'enum',
    label: { en: 'Capacity type', ja: 'キャパシティタイプ' },
    values: ['ON_DEMAND', 'SPOT'],
    default: 'ON_DEMAND',
  },
  {
    name: 'instanceTypes',
    type: 'string[]',
    label: { en: 'Instance types', ja: 'インスタンスタイプ' },
    default: ['t3.medium'],
    placeholder: 'm6i.large',
  },
  gpuProp(GPU_NODES),
  {
    name: 'minSize',
    type: 'int',
    label: { en: 'Minimum size', ja: '最小サイズ' },
    default: 2,
    min: 0,
  },
  {
    name: 'desiredSize',
    type: 'int',
    label: { en: 'Desired size', ja: '希望サイズ' },
    default: 2,
    min: 0,
  },
  {
    name: 'maxSize',
    type: 'int',
    label: { en: 'Maximum size', ja: '最大サイズ' },
    default: 2,
    min: 1,
  },
  {
    name: 'maxPodsPerNode',
    type: 'int?',
    label: { en: 'Max pods per node', ja: 'ノードあたりの最大 Pod 数' },
    default: null,
    min: 1,
    max: 737,
    help: {
      en: 'Leave unset to let EKS derive it from the instance type.',
      ja: '未設定なら EKS がインスタンスタイプから決めます。',
    },
  },
  {
    name: 'httpTokens',
    type: 'enum',
    label: { en: 'IMDS tokens', ja: 'IMDS トークン' },
    values: ['optional', 'required'],
    default: 'required',
    help: {
      en: 'required = IMDSv2 only.',
      ja: 'required にすると IMDSv2 のみを許可します。',
    },
  },
  {
    name: 'hopLimit',
    type: 'int',
    label: { en: 'IMDS hop limit', ja: 'IMDS ホップ数制限' },
    default: 2,
    min: 1,
    max: 64,
    help: {
      en: 'Response hop limit of the instance metadata service; 1 keeps it away from pods.',
      ja: 'インスタンスメタデータの応答ホップ数の上限です。1 にすると Pod から届かなくなります。',
    },
  },
  {
    name: 'remoteAccess',
    type: 'enum',
    label: { en: 'Remote access', ja: 'リモートアクセス' },
    values: ['none', 'ssm', 'sshRestricted', 'sshOpen'],
    default: 'none',
  },
];
