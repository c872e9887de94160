/**
 * The plain diagram document of spec/format.md, version 2 (docs/format.md:
 * version 1 plus the presentation steps).
 *
 * This is the one source of truth: the canvas, the rule engine, the exporters
 * and the CLI all read this shape. Nothing a view computes is stored here.
 */

/** Any JSON value, as read from or written to a file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** A text in both product languages. */
export interface Text {
  readonly en: string;
  readonly ja: string;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const FORMAT_ID = 'kumozu.diagram';
export const FORMAT_VERSION = 2;

export interface DiagramMeta {
  title: string;
  description: string;
  lang: Lang;
  /** Fields this version does not know, kept and written back unchanged. */
  extra?: JsonObject;
}

export interface DiagramNode {
  id: string;
  kind: string;
  label: string;
  /** `null` is the canvas root. */
  parent: string | null;
  /** Top-left corner, relative to the parent's top-left, px at zoom 1. */
  position: Point;
  /** Always present for containers; optional for leaves (kind default). */
  size?: Size;
  props: JsonObject;
  /** Fields this version does not know, kept and written back unchanged. */
  extra?: JsonObject;
}

export interface DiagramEdge {
  id: string;
  kind: string;
  source: string;
  target: string;
  label: string;
  props: JsonObject;
  extra?: JsonObject;
}

export interface DiagramNote {
  id: string;
  text: string;
  position: Point;
  extra?: JsonObject;
}

/**
 * One step of a presentation: what the presenter reveals when it reaches it.
 * A node named by a step appears at the first step naming it, together with
 * its ancestors; nodes named by no step are context, visible from the start.
 * A connection appears once both ends are visible, or later if a step names it.
 */
export interface PresentationStep {
  /** Unique among the steps (its own namespace, not shared with elements). */
  id: string;
  title: string;
  /** Node ids, in the order the instructor added them. */
  nodes: string[];
  /** Edge ids held back until this step (when their ends are visible earlier). */
  edges: string[];
  extra?: JsonObject;
}

export interface DiagramPresentation {
  /** In presentation order. */
  steps: PresentationStep[];
  extra?: JsonObject;
}

export interface DiagramDocument {
  format: typeof FORMAT_ID;
  version: typeof FORMAT_VERSION;
  meta: DiagramMeta;
  /** Drawn in array order (later on top); a parent comes before its children. */
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  notes: DiagramNote[];
  /** Since version 2. */
  presentation: DiagramPresentation;
  extra?: JsonObject;
}

export function emptyDocument(lang: Lang = 'en'): DiagramDocument {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    meta: { title: '', description: '', lang },
    nodes: [],
    edges: [],
    notes: [],
    presentation: { steps: [] },
  };
}
