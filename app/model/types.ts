/**
 * The plain diagram document of spec/format.md, version 1.
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
export const FORMAT_VERSION = 1;

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

export interface DiagramDocument {
  format: typeof FORMAT_ID;
  version: typeof FORMAT_VERSION;
  meta: DiagramMeta;
  /** Drawn in array order (later on top); a parent comes before its children. */
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  notes: DiagramNote[];
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
  };
}
