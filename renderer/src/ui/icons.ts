/** Icon URLs for every kind, bundled by Vite from assets/icons (inlined when small). */
const urls = import.meta.glob('../../../assets/icons/*.svg', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;

const byName = new Map<string, string>();
for (const [path, url] of Object.entries(urls)) {
  const name = path.slice(path.lastIndexOf('/') + 1, -'.svg'.length);
  byName.set(name, url);
}

export function iconUrl(name: string): string {
  return byName.get(name) ?? byName.get('unknown') ?? '';
}
