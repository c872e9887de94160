import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractDiagram } from '../../app/export/embed';
import { nodeInputFs, readInputBytes, writeFileAtomic, type InputFailure, type InputFs } from '../cli/io';

/**
 * Opening and saving files for the desktop shell (design/architecture.md,
 * example 10: saving can never destroy a file). Saving goes through the
 * command line's `writeFileAtomic` (temp file in the same folder, fsync,
 * rename); this module adds the check that the file did not change on disk
 * since it was opened, and turns every failure into a closed result.
 */

/** What we remember about a file when we read or wrote it, to notice someone else changing it. */
export interface FileStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/** The calls saving needs; injected so tests can make the disk fail. */
export interface SaveFs {
  stat(path: string): Promise<FileStamp>;
  writeAtomic(path: string, bytes: Uint8Array): Promise<void>;
  /** The file a symlink points to, so saving updates it instead of replacing the link; the path itself when it does not exist yet. */
  realpath?(path: string): Promise<string>;
}

export const nodeSaveFs: SaveFs = {
  realpath: (path) => realpath(path).catch(() => path),
  stat: async (path) => {
    const s = await stat(path);
    return { mtimeMs: s.mtimeMs, size: s.size };
  },
  writeAtomic: writeFileAtomic,
};

export type SaveResult =
  | { readonly ok: true; readonly stamp: FileStamp }
  /** The file on disk is not the one we opened: nothing was written. `current` is null when it was deleted. */
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: FileStamp | null }
  /** The write failed; the old file is as it was. */
  | { readonly ok: false; readonly reason: 'io'; readonly code: string; readonly message: string };

/**
 * Writes `bytes` to `path` atomically. With `expected` (the stamp from when the
 * file was opened or last saved), refuses with `conflict` when the file's
 * modification time or size differ, or it has gone. The check and the rename
 * are not one atomic step (no portable way exists); the window is a few
 * milliseconds instead of the whole editing session.
 */
export async function saveAtomic(fs: SaveFs, linkPath: string, bytes: Uint8Array, expected?: FileStamp): Promise<SaveResult> {
  // A rename over a symlink would replace the link with a file; write where it points (in that folder, for the rename to be atomic).
  const path = fs.realpath ? await fs.realpath(linkPath) : linkPath;
  if (expected) {
    let current: FileStamp | null;
    try {
      current = await fs.stat(path);
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') return ioFailure(e);
      current = null;
    }
    if (current === null || current.mtimeMs !== expected.mtimeMs || current.size !== expected.size) {
      return { ok: false, reason: 'conflict', current };
    }
  }
  try {
    await fs.writeAtomic(path, bytes);
    return { ok: true, stamp: await fs.stat(path) };
  } catch (e) {
    return ioFailure(e);
  }
}

function ioFailure(e: unknown): SaveResult {
  return { ok: false, reason: 'io', code: errorCode(e) ?? 'UNKNOWN', message: e instanceof Error ? e.message : String(e) };
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const code: unknown = e.code;
  return typeof code === 'string' ? code : undefined;
}

export interface OpenFs extends InputFs {
  stat(path: string): Promise<{ readonly size: number; readonly mtimeMs: number; isFile(): boolean; isDirectory(): boolean }>;
}

export const nodeOpenFs: OpenFs = { stat: (path) => stat(path), readFile: nodeInputFs.readFile };

export type OpenResult =
  | { readonly ok: true; readonly name: string; readonly kind: 'json' | 'png' | 'svg'; readonly text: string; readonly stamp: FileStamp }
  | { readonly ok: false; readonly failure: InputFailure | { readonly reason: 'notAnImage' } };

/**
 * Reads a diagram file, a PNG or an SVG export, within the format's size
 * limit (checked before reading). Returns the diagram JSON text for the
 * renderer to parse, and the stamp for the conflict check of the next save.
 * Never throws for anything the file or the disk does.
 */
export async function openFile(fs: OpenFs, path: string): Promise<OpenResult> {
  let stamp: FileStamp;
  try {
    const s = await fs.stat(path);
    stamp = { mtimeMs: s.mtimeMs, size: s.size };
  } catch {
    // readInputBytes words the failure.
    stamp = { mtimeMs: 0, size: 0 };
  }
  const read = await readInputBytes(path, fs);
  if (!read.ok) return read;
  const name = basename(path);
  const extracted = extractDiagram(read.bytes, name);
  if ('error' in extracted) {
    return { ok: false, failure: extracted.error === 'noEmbeddedDiagram' ? { reason: 'noEmbeddedDiagram', type: name.toLowerCase().endsWith('.svg') ? 'svg' : 'png' } : { reason: 'notAnImage' } };
  }
  return { ok: true, name, kind: extracted.kind, text: extracted.text, stamp };
}
