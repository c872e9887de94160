import { describe, expect, it } from 'vitest';
import { createEditor } from '../../../app/commands/history';
import { checkDocument } from '../../../app/rules/engine';
import { generateDiagram } from '../../../bench/generate';
import { createFindingsStore } from './findingsStore';

describe('findings store', () => {
  it('re-checks an edit incrementally, with the findings of a full check, through undo and a language switch', () => {
    const editor = createEditor(generateDiagram(150, 2));
    let lang: 'en' | 'ja' = 'en';
    const queued: (() => void)[] = [];
    const findings = createFindingsStore(editor, () => lang, (fn) => queued.push(fn));
    expect(findings.current()).toEqual(checkDocument(editor.getState().document, 'en'));
    expect(findings.stats().mode).toBe('full');

    const subnet = editor.getState().document.nodes.find((n) => n.kind === 'subnet');
    if (!subnet) throw new Error('the diagram has no subnet');
    editor.dispatch({ type: 'setProp', target: 'node', id: subnet.id, name: 'tier', value: subnet.props.tier === 'public' ? 'private' : 'public' }, 'edit');
    // The check waits for the scheduled frame.
    expect(findings.store.get().checked).not.toBe(editor.getState().document);
    queued.splice(0).forEach((fn) => fn());
    expect(findings.store.get().checked).toBe(editor.getState().document);
    expect(findings.store.get().findings).toEqual(checkDocument(editor.getState().document, 'en'));
    expect(findings.stats().mode).toBe('incremental');

    editor.undo();
    expect(findings.current()).toEqual(checkDocument(editor.getState().document, 'en'));
    expect(findings.stats().mode).toBe('incremental');

    lang = 'ja';
    expect(findings.current()).toEqual(checkDocument(editor.getState().document, 'ja'));
  });
});
