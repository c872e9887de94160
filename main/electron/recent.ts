import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../cli/io';

/**
 * The recent files list (persisted as JSON in the user data folder) and the
 * files named on the command line.
 */

export const MAX_RECENT = 10;

export interface RecentFiles {
  /** Most recent first; files that no longer exist are pruned (and the pruned list saved). */
  list(): Promise<string[]>;
  /** Moves `path` to the front, without duplicates, keeping at most MAX_RECENT. */
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export interface RecentDeps {
  /** The JSON file, e.g. userData/recent.json. */
  readonly file: string;
  readonly exists?: (path: string) => Promise<boolean>;
  /** Whether paths compare without case (Windows, default macOS). */
  readonly caseInsensitive?: boolean;
}

const fileExists = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

export function createRecentFiles(deps: RecentDeps): RecentFiles {
  const exists = deps.exists ?? fileExists;
  const key = (p: string): string => (deps.caseInsensitive ? p.toLowerCase() : p);

  async function load(): Promise<string[]> {
    try {
      const value: unknown = JSON.parse(await readFile(deps.file, 'utf8'));
      // A corrupt or hand-edited list is read for what is usable in it.
      const paths = typeof value === 'object' && value !== null && Array.isArray((value as { paths?: unknown }).paths) ? (value as { paths: unknown[] }).paths : [];
      return dedup(paths.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096 && !p.includes('\u0000')));
    } catch {
      return [];
    }
  }

  function dedup(paths: string[]): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const p of paths) {
      if (seen.has(key(p))) continue;
      seen.add(key(p));
      out.push(p);
    }
    return out.slice(0, MAX_RECENT);
  }

  async function save(paths: string[]): Promise<void> {
    await mkdir(dirname(deps.file), { recursive: true });
    await writeFileAtomic(deps.file, JSON.stringify({ version: 1, paths }, null, 2));
  }

  // One operation at a time: two saves finishing together must not lose an entry (read, modify, write).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const next = queue.then(op, op);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    list: () => serial(async () => {
      const paths = await load();
      const present: string[] = [];
      for (const p of paths) if (await exists(p)) present.push(p);
      if (present.length !== paths.length) await save(present).catch(() => undefined);
      return present;
    }),
    add: (path) => serial(async () => {
      const abs = resolve(path);
      await save(dedup([abs, ...(await load()).filter((p) => key(p) !== key(abs))]));
    }),
    remove: (path) => serial(async () => {
      const abs = resolve(path);
      await save((await load()).filter((p) => key(p) !== key(abs)));
    }),
  };
}

/** Extensions the app opens; anything else on the command line is not ours to open. */
const OPENABLE = /\.(?:json|png|svg)$/i;

/**
 * The files to open from a process's argv (first start, or the second
 * instance's argv handed over by `second-instance`). Skips the executable
 * (and, unpackaged, the app path Electron was given), every switch
 * (`--inspect`, `--no-sandbox`, macOS `-psn_…`; Chromium switches may come
 * after the file), and anything that is not a diagram or export. After `--`,
 * everything is a file. Paths are resolved against `cwd` (the second
 * instance's, which may differ from ours).
 */
export function filesFromArgv(argv: readonly string[], opts: { readonly packaged: boolean; readonly cwd: string }): string[] {
  const args = argv.slice(opts.packaged ? 1 : 2);
  const files: string[] = [];
  let switches = true;
  for (const arg of args) {
    if (switches && arg === '--') {
      switches = false;
      continue;
    }
    if (switches && arg.startsWith('-')) continue;
    if (arg.includes('\u0000') || !OPENABLE.test(arg)) continue;
    const abs = resolve(opts.cwd, arg);
    if (!files.includes(abs)) files.push(abs);
  }
  return files;
}
