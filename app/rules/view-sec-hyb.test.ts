import { describe, expect, it } from 'vitest';
import { doc, edge, node } from '../model/testing';
import type { DiagramNode } from '../model/types';
import { buildView, type RuleView } from './view';

/** The predicates added to the view for the SEC, OBS, SD, HYB and COST rules. */

const ids = (nodes: readonly DiagramNode[]): string[] => nodes.map((n) => n.id);

function get(view: RuleView, id: string): DiagramNode {
  const n = view.node(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

describe('onPremLinks', () => {
  /** A data centre with a VPN to a transit gateway attached to vpc, and a Direct Connect link to a VGW of another VPC. */
  const hybrid = () =>
    doc(
      [
        node('vpc', 'vpc'),
        node('other', 'vpc'),
        node('dc', 'onPremises'),
        node('tgw', 'transitGateway'),
        node('vgw', 'virtualPrivateGateway'),
        node('vpn', 'hybridLink'),
        node('dx', 'hybridLink', null, { linkType: 'directConnect' }),
        node('loose', 'hybridLink'),
      ],
      [
        edge('a1', 'attaches', 'tgw', 'vpc'),
        edge('a2', 'attaches', 'vgw', 'other'),
        edge('c1', 'connects', 'vpn', 'dc'),
        edge('c2', 'connects', 'vpn', 'tgw'),
        edge('c3', 'connects', 'dx', 'dc'),
        edge('c4', 'connects', 'dx', 'vgw'),
        edge('c5', 'connects', 'loose', 'dc'),
      ],
    );

  it('lists the links that join the network to a gateway of that VPC', () => {
    const view = buildView(hybrid());
    const dc = get(view, 'dc');
    expect(ids(view.onPremLinks(dc, get(view, 'vpc')))).toEqual(['vpn']);
    expect(ids(view.onPremLinks(dc, get(view, 'other')))).toEqual(['dx']);
  });

  it('is empty when no gateway of the VPC is reached', () => {
    const d = hybrid();
    const view = buildView({ ...d, edges: d.edges.filter((e) => e.id !== 'a1') });
    expect(view.onPremLinks(get(view, 'dc'), get(view, 'vpc'))).toEqual([]);
  });
});

describe('knownAzs', () => {
  it('counts distinct known AZs and ignores subnets whose AZ is unknown', () => {
    const view = buildView(
      doc([
        node('vpc', 'vpc'),
        node('az-a', 'availabilityZone', 'vpc', { name: 'ap-northeast-1a' }),
        node('az-x', 'availabilityZone', 'vpc'),
        node('s1', 'subnet', 'az-a'),
        node('s2', 'subnet', 'az-a'),
        node('s3', 'subnet', 'vpc', { az: 'ap-northeast-1c' }),
        node('s4', 'subnet', 'vpc'),
        node('s5', 'subnet', 'az-x'),
      ]),
    );
    const s = (id: string) => get(view, id);
    expect(view.knownAzs([s('s1'), s('s2')])).toBe(1);
    expect(view.knownAzs([s('s1'), s('s3')])).toBe(2);
    // An unnamed AZ box still counts, by its id (§7.2); a bare subnet without az does not.
    expect(view.knownAzs([s('s1'), s('s4')])).toBe(1);
    expect(view.knownAzs([s('s1'), s('s5')])).toBe(2);
    expect(view.distinctAzs([s('s1'), s('s4')])).toBe(2);
    expect(view.knownAzs([])).toBe(0);
  });
});
