import { parseDiagramValue, describeParseError } from '../../app/format/parse';
import type { Workspace } from './state/workspace';

/**
 * The automation handle of spec/ui-hooks.md, installed only with `?automation=1`
 * (tests). It reaches nothing the UI could not: the document as it would be
 * saved, loading a document as File > Open would, and the current findings.
 */
export interface KumozuAutomation {
  getDocument(): unknown;
  loadDocument(doc: unknown): void;
  getFindings(): unknown[];
}

export function installAutomation(ws: Workspace, getFindings: () => unknown[], target: Window = window): void {
  if (new URLSearchParams(target.location.search).get('automation') !== '1') return;
  const handle: KumozuAutomation = {
    getDocument: () => JSON.parse(ws.serialize()) as unknown,
    loadDocument(doc) {
      const result = parseDiagramValue(doc);
      if (!result.ok) throw new Error(describeParseError(result.error, 'en'));
      ws.loadDocument(result.document, null);
    },
    getFindings,
  };
  Object.defineProperty(target, 'kumozuAutomation', { value: Object.freeze(handle), configurable: false, writable: false });
}
