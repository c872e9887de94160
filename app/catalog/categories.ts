import type { CategoryId, CategorySpec } from './types';

/** Palette categories of components.md §2, in palette order. */
export const CATEGORIES: readonly CategorySpec[] = [
  { id: 'accounts', name: { en: 'Accounts & places', ja: 'アカウント・拠点' }, color: '#5A6B86' },
  { id: 'network', name: { en: 'Networking', ja: 'ネットワーク' }, color: '#8C4FFF' },
  { id: 'controlPlane', name: { en: 'Control plane', ja: 'コントロールプレーン' }, color: '#ED7100' },
  {
    id: 'compute',
    name: { en: 'Compute (data plane)', ja: 'コンピューティング（データプレーン）' },
    color: '#D45B07',
  },
  { id: 'kubernetes', name: { en: 'Kubernetes objects', ja: 'Kubernetes オブジェクト' }, color: '#326CE5' },
  { id: 'loadBalancing', name: { en: 'Load balancing', ja: 'ロードバランシング' }, color: '#7D3AC1' },
  { id: 'apiFrontDoor', name: { en: 'API front door', ja: 'API 公開' }, color: '#E7157B' },
  { id: 'security', name: { en: 'Security & identity', ja: 'セキュリティ・ID' }, color: '#DD344C' },
  { id: 'services', name: { en: 'AWS services', ja: 'AWS サービス' }, color: '#3F8624' },
  { id: 'clients', name: { en: 'Clients', ja: 'クライアント' }, color: '#607D8B' },
];

const byId: ReadonlyMap<string, CategorySpec> = new Map(CATEGORIES.map((c) => [c.id, c]));

/** A typed id always resolves; a string read from elsewhere may not. */
export function getCategory(id: CategoryId): CategorySpec;
export function getCategory(id: string): CategorySpec | undefined;
export function getCategory(id: string): CategorySpec | undefined {
  return byId.get(id);
}
