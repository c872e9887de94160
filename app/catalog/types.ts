import type { Json, Size, Text } from '../model/types';

/** Prop types of components.md §1.1. */
export type PropType =
  | 'string'
  | 'cidr'
  | 'int'
  | 'int?'
  | 'bool'
  | 'enum'
  | 'enum[]'
  | 'string[]'
  | 'cidr[]'
  | 'record[]';

/** One field of a `record[]` prop (only securityGroup.rules in v1). */
export interface RecordFieldSpec {
  readonly name: string;
  /** `enum` fields list their values; others are free strings. */
  readonly type: 'enum' | 'string';
  readonly values?: readonly string[];
  readonly default: string;
  readonly label: Text;
}

export interface PropSpec {
  readonly name: string;
  readonly type: PropType;
  readonly label: Text;
  /** Allowed values for `enum` and `enum[]`. */
  readonly values?: readonly string[];
  readonly default: Json;
  /** Inclusive bounds for `int` and `int?`. */
  readonly min?: number;
  readonly max?: number;
  /** Shown, exported and kept, but no v1 rule reads it. */
  readonly informative?: boolean;
  /** Short help shown in the inspector. */
  readonly help?: Text;
  /** Placeholder for free-text fields, e.g. `10.0.0.0/16`. */
  readonly placeholder?: string;
  /** For `record[]`: the fields of each record. */
  readonly recordFields?: readonly RecordFieldSpec[];
  /**
   * When the prop applies, given the node's other props (e.g. addon props that
   * belong to one addonType). Props that do not apply are still written to the
   * file; the inspector hides them.
   */
  readonly appliesWhen?: (props: Readonly<Record<string, Json>>) => boolean;
  /**
   * For `enum`: the values that fit the node's other props (e.g. a gateway
   * endpoint exists only for S3 and DynamoDB). The inspector offers only these.
   */
  readonly valuesWhen?: (props: Readonly<Record<string, Json>>) => readonly string[];
}

export type CategoryId =
  | 'accounts'
  | 'network'
  | 'controlPlane'
  | 'compute'
  | 'kubernetes'
  | 'loadBalancing'
  | 'apiFrontDoor'
  | 'security'
  | 'services'
  | 'clients';

export interface CategorySpec {
  readonly id: CategoryId;
  readonly name: Text;
  /** A colour in the AWS-like palette for this category (used by icons and borders). */
  readonly color: string;
}

/** `root` is the canvas root (parent `null`). */
export type ParentRef = 'root' | string;

export interface KindSpec {
  readonly kind: string;
  readonly name: Text;
  /** One sentence for the palette tooltip and the inspector header. */
  readonly description: Text;
  readonly category: CategoryId;
  readonly container: boolean;
  readonly allowedParents: readonly ParentRef[];
  /** Containers: the default size; leaves: 160 × 72. */
  readonly defaultSize: Size;
  readonly props: readonly PropSpec[];
  /** Icon file name in assets/icons, without extension (defaults to the kind). */
  readonly icon: string;
}

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface ConnectionKindSpec {
  readonly kind: string;
  /** Short label drawn on the connection (components.md §5.1). */
  readonly label: Text;
  /** What the connection means. */
  readonly meaning: Text;
  readonly sources: readonly string[];
  readonly targets: readonly string[];
  /**
   * Set when not every source may go to every target (only `connects`:
   * hybridLink → onPremises/gateways, vpcPeering → vpc). A pair is then allowed
   * only if one group holds both ends; `sources`/`targets` are the unions.
   */
  readonly pairGroups?: readonly { readonly sources: readonly string[]; readonly targets: readonly string[] }[];
  readonly props: readonly PropSpec[];
  /** How the connection looks, so kinds are told apart at a glance. */
  readonly style: { readonly line: LineStyle; readonly color: string; readonly arrow: boolean };
}
