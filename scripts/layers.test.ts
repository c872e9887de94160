import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of design/architecture.md are enforced by lint; this proves the rule bites. */
describe('layer boundaries', () => {
  const eslint = new ESLint();
  const lint = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('refuses React, Electron, node:* and the DOM in app/', async () => {
    expect(await lint('app/model/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toContain('no-restricted-imports');
    expect(await lint('app/model/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    expect(await lint('app/model/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await lint('app/model/probe.ts', 'export const x = () => document.title;\n')).toContain('no-restricted-globals');
  });

  it('refuses Node and Electron in the renderer', async () => {
    expect(await lint('renderer/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await lint('renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toContain('no-restricted-imports');
  });

  it('lets app/ import its own modules and immer', async () => {
    expect(await lint('app/model/probe.ts', "import { produce } from 'immer';\nimport type { DiagramDocument } from './types';\nexport const f = (d: DiagramDocument) => produce(d, () => {});\n")).toEqual([]);
  });
});
