import type { DiagramDocument, Size } from '../model/types';

/**
 * The closed result of reading a diagram (format.md, "Reading untrusted
 * files"). Every case is a plain value the UI and the CLI map to a message with
 * an exhaustive switch (see messages.ts).
 */
export type ParseResult =
  | {
      readonly ok: true;
      readonly document: DiagramDocument;
      readonly repairs: readonly Repair[];
      /** Names of the migrations applied to an older file (`v1 -> v2`), oldest first; empty for a current file. */
      readonly migrations: readonly string[];
    }
  | { readonly ok: false; readonly error: ParseError };

/** What a field had to be; lets messages be written in each language. */
export type Expectation =
  | 'object'
  | 'array'
  | 'string'
  | 'nonEmptyString'
  | 'stringOrNull'
  | 'finiteNumber'
  | 'positiveNumber'
  | 'versionNumber'
  | 'lang'
  | 'jsonValue'
  | 'shallowerNesting';

/** What the field held instead. */
export type Found =
  | 'missing'
  | 'null'
  | 'boolean'
  | 'number'
  | 'string'
  | 'array'
  | 'object'
  /** Not a JSON value at all (only through `parseDiagramValue`). */
  | 'other';

export type ParseError =
  | { readonly reason: 'notJson'; readonly detail: string }
  | { readonly reason: 'notAKumozuFile' }
  | { readonly reason: 'versionTooNew'; readonly version: number; readonly supported: number }
  | {
      readonly reason: 'invalid';
      /** JSON pointer (RFC 6901) to the offending field, e.g. `/nodes/3/position/x`. */
      readonly path: string;
      /** One English sentence fragment for logs and the CLI, e.g. `must be a finite number (found string)`. */
      readonly detail: string;
      readonly expected: Expectation;
      readonly found: Found;
      /** The offending value as short JSON, when it is a short string, a number or a boolean. */
      readonly actual?: string;
    }
  | { readonly reason: 'tooLarge'; readonly limit: 'bytes' | 'nodes'; readonly actual: number; readonly max: number };

export type ParseErrorReason = ParseError['reason'];

/**
 * Id namespaces of a file. Element ids are unique across nodes, edges and
 * notes (format.md: "unique within the file"); presentation step ids are
 * unique among the steps.
 */
export type IdCollection = 'nodes' | 'edges' | 'notes' | 'steps';

/**
 * A lossless repair made while reading; each is listed to the user. The file
 * on disk is never changed by reading it.
 */
export type Repair =
  /** A second element with an id already used in the file got a fresh id. References keep pointing at the first. */
  | { readonly kind: 'duplicateIdRenamed'; readonly collection: IdCollection; readonly oldId: string; readonly newId: string }
  /** A connection whose endpoint does not exist was dropped; `missing` is the first absent endpoint id. */
  | { readonly kind: 'droppedDanglingEdge'; readonly edgeId: string; readonly missing: string }
  /** A node whose parent does not exist now sits at the canvas root. */
  | { readonly kind: 'orphanReparented'; readonly nodeId: string; readonly missingParent: string }
  /** A parent chain looped back on itself; this node now sits at the canvas root. */
  | { readonly kind: 'parentCycleBroken'; readonly nodeId: string; readonly formerParent: string }
  /** A container stored without a size got its kind's default size. */
  | { readonly kind: 'containerSizeAdded'; readonly nodeId: string; readonly size: Size }
  /** Some children came before their parents; nodes were reordered so parents come first. */
  | { readonly kind: 'nodesReordered'; readonly moved: number }
  /**
   * A presentation step named a component or connection that does not exist
   * (`missing`), or named one it already named (`repeated`); that reference was
   * dropped from the step.
   */
  | {
      readonly kind: 'stepReferenceDropped';
      readonly stepId: string;
      readonly collection: 'nodes' | 'edges';
      readonly ref: string;
      readonly why: 'missing' | 'repeated';
    };

export type RepairKind = Repair['kind'];
