import { createContext, useContext } from 'react';
import { useStore } from '../state/store';
import type { Badge, FindingsService } from './findingsStore';

export const FindingsContext = createContext<FindingsService | null>(null);

function useFindingsService(): FindingsService {
  const service = useContext(FindingsContext);
  if (!service) throw new Error('FindingsContext missing');
  return service;
}

export function useNodeBadge(id: string): Badge | undefined {
  return useStore(useFindingsService().store, (s) => s.byNode.get(id));
}

export function useEdgeBadge(id: string): Badge | undefined {
  return useStore(useFindingsService().store, (s) => s.byEdge.get(id));
}

const SYMBOL = { error: '!', warning: '!', info: 'i' } as const;

/** The worst severity of a node's findings, with their messages on hover (hook `node-badge`). */
export function NodeBadge({ id }: { id: string }) {
  const badge = useNodeBadge(id);
  if (!badge) return null;
  return (
    <div className={`k-badge k-sev-${badge.severity}`} data-testid="node-badge" data-severity={badge.severity} title={badge.messages.join('\n')} aria-label={badge.messages.join('\n')}>
      {SYMBOL[badge.severity]}
    </div>
  );
}
