import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allKinds } from '../catalog/registry';
import { ICON_MODULE, iconInner, readIconFiles, renderIconModule, ROOT } from '../../scripts/gen-icon-module';
import { ICONS } from './icons.generated';

describe('icons.generated.ts', () => {
  it('is what scripts/gen-icon-module.ts writes from assets/icons today', async () => {
    const onDisk = await readFile(join(ROOT, ICON_MODULE), 'utf8');
    expect(onDisk, `${ICON_MODULE} is stale: run \`npx tsx scripts/gen-icon-module.ts\``).toBe(renderIconModule(await readIconFiles()));
  });

  it('has an icon for every kind of the catalog, and the unknown icon', () => {
    for (const k of allKinds()) expect(ICONS[k.icon], k.kind).toBeTypeOf('string');
    expect(ICONS.unknown).toBeTypeOf('string');
  });

  it('refuses icons that could not be inlined side by side', () => {
    const head = '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">';
    expect(iconInner('ok', `${head}<rect width="48" height="48"/></svg>\n`)).toBe('<rect width="48" height="48"/>');
    expect(() => iconInner('x', `${head}<g id="a"/></svg>`)).toThrow(/not allowed/);
    expect(() => iconInner('x', `${head}<style>*{}</style></svg>`)).toThrow(/not allowed/);
    expect(() => iconInner('x', `${head}<image href="x.png"/></svg>`)).toThrow(/not allowed/);
    expect(() => iconInner('x', '<svg viewBox="0 0 10 10"></svg>')).toThrow(/48×48/);
  });
});
