import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { describeParseError, parseDiagram, type ParseError, type Repair } from '../../app/format/parse';
import { MAX_BYTES } from '../../app/format/limits';
import type { DiagramDocument, Lang, Text } from '../../app/model/types';

/**
 * File input and output for the command line.
 *
 * Reading refuses early and always with a closed reason: the size is checked
 * with `stat` before a single byte is read (format.md: a 20 MB limit, so a huge
 * or endless file never fills memory), then the bytes are decoded, unwrapped
 * from a PNG/SVG export when they are one, and handed to `parseDiagram`.
 * Writing is atomic (format.md, "Writing"), for `export`.
 */

// ---------------------------------------------------------------------------
// Reading

/** The two calls reading needs, injectable so tests can simulate what root or CI cannot (EACCES). */
export interface InputFs {
  stat(path: string): Promise<{ readonly size: number; isFile(): boolean; isDirectory(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
}

export const nodeInputFs: InputFs = { stat: (path) => stat(path), readFile: (path) => readFile(path) };

export type ImageType = 'png' | 'svg';

/**
 * Finds the document JSON embedded in an exported image (format.md, "Carried
 * inside images"): the text, or null when the image carries none. The PNG/SVG
 * export issue supplies it; until then `check` says images can't be read yet.
 */
export type EmbeddedDiagramExtractor = (bytes: Uint8Array, type: ImageType) => string | null | Promise<string | null>;

export interface InputDeps {
  readonly fs: InputFs;
  readonly extractEmbeddedDiagram?: EmbeddedDiagramExtractor;
}

/** Why an input could not be used; every case has a text in `describeInputFailure`. */
export type InputFailure =
  | { readonly reason: 'notFound' }
  | { readonly reason: 'notAFile'; readonly directory: boolean }
  | { readonly reason: 'unreadable'; readonly code: string }
  | { readonly reason: 'notUtf8' }
  | { readonly reason: 'imageUnsupported'; readonly type: ImageType }
  | { readonly reason: 'noEmbeddedDiagram'; readonly type: ImageType }
  /** Everything `parseDiagram` refuses, including `tooLarge` found by `stat`. */
  | { readonly reason: 'parse'; readonly error: ParseError };

export type LoadResult =
  | { readonly ok: true; readonly document: DiagramDocument; readonly repairs: readonly Repair[] }
  | { readonly ok: false; readonly failure: InputFailure };

/** Reads, unwraps and parses a diagram file; never throws for anything the file or the disk does. */
export async function loadDiagram(path: string, deps: InputDeps): Promise<LoadResult> {
  const read = await readInputBytes(path, deps.fs);
  if (!read.ok) return read;
  const bytes = read.bytes;

  const image = imageTypeOf(path, bytes);
  let text: string;
  if (image !== null) {
    if (!deps.extractEmbeddedDiagram) return failed({ reason: 'imageUnsupported', type: image });
    const embedded = await deps.extractEmbeddedDiagram(bytes, image);
    if (embedded === null) return failed({ reason: 'noEmbeddedDiagram', type: image });
    text = embedded;
  } else {
    const decoded = decodeUtf8(bytes);
    if (decoded === null) return failed({ reason: 'notUtf8' });
    text = decoded;
  }

  const parsed = parseDiagram(text);
  return parsed.ok ? parsed : failed({ reason: 'parse', error: parsed.error });
}

function failed(failure: InputFailure): { ok: false; failure: InputFailure } {
  return { ok: false, failure };
}

/** The file's bytes, after checking that it is a regular file within the size limit. */
export async function readInputBytes(path: string, fs: InputFs): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; failure: InputFailure }> {
  try {
    const info = await fs.stat(path);
    // A directory, FIFO or device: reading it would fail obscurely or never end.
    if (!info.isFile()) return failed({ reason: 'notAFile', directory: info.isDirectory() });
    if (info.size > MAX_BYTES) return failed({ reason: 'parse', error: { reason: 'tooLarge', limit: 'bytes', actual: info.size, max: MAX_BYTES } });
    const bytes = await fs.readFile(path);
    // The file may have grown between stat and read; JSON is re-checked by parseDiagram, images are not.
    if (bytes.byteLength > MAX_BYTES) return failed({ reason: 'parse', error: { reason: 'tooLarge', limit: 'bytes', actual: bytes.byteLength, max: MAX_BYTES } });
    return { ok: true, bytes };
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return failed({ reason: 'notFound' });
    if (code === 'EISDIR') return failed({ reason: 'notAFile', directory: true });
    return failed({ reason: 'unreadable', code: code ?? (e instanceof Error ? e.message : String(e)) });
  }
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const code: unknown = e.code;
  return typeof code === 'string' ? code : undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * PNG is recognised by its signature whatever the name; SVG by its extension,
 * since an SVG is text and a misnamed one is rare. A `.png` without the
 * signature still goes to the extractor, which reports it has no diagram.
 */
export function imageTypeOf(path: string, bytes: Uint8Array): ImageType | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  const ext = extname(path).toLowerCase();
  if (ext === '.png') return 'png';
  if (ext === '.svg') return 'svg';
  return null;
}

/** Strict UTF-8: a binary file gets a clear reason instead of a JSON error about U+FFFD. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** One sentence (or two) for the user, in `lang`; the caller prefixes the command and file. */
export function describeInputFailure(failure: InputFailure, lang: Lang): string {
  return failure.reason === 'parse' ? describeParseError(failure.error, lang) : inputFailureText(failure)[lang];
}

const IMAGE_NAME: Readonly<Record<ImageType, string>> = { png: 'PNG', svg: 'SVG' };

function inputFailureText(failure: Exclude<InputFailure, { reason: 'parse' }>): Text {
  switch (failure.reason) {
    case 'notFound':
      return { en: 'The file does not exist.', ja: 'ファイルが見つかりません。' };
    case 'notAFile':
      return failure.directory
        ? { en: 'This is a folder, not a diagram file.', ja: 'これはフォルダーで、図のファイルではありません。' }
        : { en: 'This is not a regular file.', ja: '通常のファイルではありません。' };
    case 'unreadable': {
      const why = accessText(failure.code);
      return { en: `The file could not be read (${why.en}).`, ja: `ファイルを読み込めませんでした（${why.ja}）。` };
    }
    case 'notUtf8':
      return {
        en: 'The file is not UTF-8 text, so it is not a Kumozu diagram.',
        ja: 'ファイルが UTF-8 のテキストではないため、Kumozu の図のファイルではありません。',
      };
    case 'imageUnsupported': {
      const image = IMAGE_NAME[failure.type];
      return {
        en: `Reading a diagram embedded in ${failure.type === 'svg' ? 'an' : 'a'} ${image} image is not available in this build yet.`,
        ja: `${image} 画像に埋め込まれた図の読み込みは、このビルドではまだ使えません。`,
      };
    }
    case 'noEmbeddedDiagram': {
      const image = IMAGE_NAME[failure.type];
      return {
        en: `This ${image} image has no embedded Kumozu diagram (it was exported without one, or is not a Kumozu export).`,
        ja: `この ${image} 画像には Kumozu の図が埋め込まれていません（埋め込みなしで書き出されたか、Kumozu の書き出しではありません）。`,
      };
    }
    default:
      return unreachable(failure);
  }
}

/** The usual errno codes in words; anything else is shown as its code. */
function accessText(code: string): Text {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { en: 'permission denied', ja: 'アクセスが拒否されました' };
    case 'EIO':
      return { en: 'input/output error', ja: '入出力エラー' };
    case 'EMFILE':
    case 'ENFILE':
      return { en: 'too many open files', ja: '開いているファイルが多すぎます' };
    default:
      return { en: code, ja: code };
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------
// Writing

/**
 * Writes `data` to `path` so that readers see the old file or the new one,
 * never a torn mix (format.md, "Writing"): a temporary file in the same
 * folder (a rename is atomic only within one file system), flushed to disk,
 * then renamed over the target. On failure the temporary file is removed and
 * the old file is left as it was; the error is re-thrown for the caller to
 * word.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  // Hidden, unique per process and call, and `wx` refuses to reuse an existing name.
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // Keep the permissions of a file being replaced; a new file gets the usual 0o666 minus umask.
  const mode = await stat(path).then(
    (s) => s.mode & 0o7777,
    () => 0o666,
  );
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable. Best effort: Windows cannot open a folder for fsync. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is written and renamed; only durability across a power cut is not guaranteed.
  }
}
