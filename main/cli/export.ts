import type { DiagramDocument, Lang } from '../../app/model/types';
import type { ExportOptions, Theme } from './args';
import { inputError, type CliResult } from './check';
import { describeInputFailure, loadDiagram, type InputDeps } from './io';

/**
 * `kumozu export <file>` (spec/cli.md). The arguments are parsed and checked
 * in args.ts and the input is loaded exactly as `check` loads it; what is
 * missing are the exporters themselves, which their issue adds by passing
 * `exporters` (and, for PNG/SVG input, `extractEmbeddedDiagram`) in run.ts.
 * Until then the command ends with one line and exit 2, after every argument
 * and input error has had its precise message.
 */

export interface ImageSettings {
  readonly lang: Lang;
  readonly theme: Theme;
  readonly embed: boolean;
}

/** Each exporter returns the bytes or text of one output; this module writes it. */
export interface Exporters {
  readonly png: (doc: DiagramDocument, settings: ImageSettings & { readonly scale: number }) => Promise<Uint8Array>;
  readonly svg: (doc: DiagramDocument, settings: ImageSettings) => Promise<string>;
  readonly md: (doc: DiagramDocument, settings: { readonly lang: Lang }) => Promise<string>;
}

export interface ExportDeps extends InputDeps {
  /** Absent in this build. */
  readonly exporters?: Exporters;
  /** Atomic write (io.ts `writeFileAtomic`). */
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
}

export const EXPORT_UNAVAILABLE = 'export is not available in this build yet';

export async function runExport(options: ExportOptions, deps: ExportDeps): Promise<CliResult> {
  const loaded = await loadDiagram(options.file, deps);
  if (!loaded.ok) return inputError('export', options.file, describeInputFailure(loaded.failure, options.lang ?? 'en'));
  const exporters = deps.exporters;
  if (!exporters) return { stdout: '', stderr: `kumozu export: ${EXPORT_UNAVAILABLE}\n`, exitCode: 2 };

  const doc = loaded.document;
  const lang = options.lang ?? doc.meta.lang;
  const image = { lang, theme: options.theme, embed: options.embed };
  // Every output is rendered before the first is written, so a failing exporter leaves no partial set behind.
  const outputs: [string, string | Uint8Array][] = [];
  if (options.png !== undefined) outputs.push([options.png, await exporters.png(doc, { ...image, scale: options.scale })]);
  if (options.svg !== undefined) outputs.push([options.svg, await exporters.svg(doc, image)]);
  if (options.md !== undefined) outputs.push([options.md, await exporters.md(doc, { lang })]);
  for (const [path, data] of outputs) {
    try {
      await deps.writeFile(path, data);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { stdout: '', stderr: `kumozu export: ${path}: could not be written (${why.replace(/[\p{Cc}]+/gu, ' ')})\n`, exitCode: 2 };
    }
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}
