import { describe, expect, it } from 'vitest';
import { CONNECTION_KINDS } from '../catalog/connections';
import { CONNECTION_PROP_DEFAULTS } from './props';

describe('CONNECTION_PROP_DEFAULTS', () => {
  it('matches the props of the connection catalog (components.md §5.1)', () => {
    const fromCatalog = CONNECTION_KINDS.filter((k) => k.props.length > 0).map((k) => [k.kind, k.props.map((p) => [p.name, p.default])]);
    const local = [...CONNECTION_PROP_DEFAULTS].map(([kind, props]) => [kind, props.map((p) => [p.name, p.default])]);
    expect(local).toEqual(fromCatalog);
  });
});
