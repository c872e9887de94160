import fontUrl from '../../../assets/fonts/NotoSansCJKjp-Regular.subset.otf?url';
import { cappedScale, embedInPng, MAX_RASTER_PIXELS, renderMarkdown, renderSvg, svgSize, SHIPPED_FONT_FAMILY } from '../../../app/export';
import { serializeDiagram } from '../../../app/format/serialize';
import type { DiagramDocument, Lang } from '../../../app/model/types';
import { describeRuleIn } from '../../../app/rules/registry';
import type { Finding } from '../../../app/rules/types';

/**
 * Exports in the renderer: the same pure SVG and Markdown as the CLI
 * (app/export). PNGs are that SVG drawn onto a canvas by the browser, with the
 * shipped font embedded so Japanese renders wherever the app runs.
 */

export interface ImageOptions {
  readonly lang: Lang;
  readonly theme: 'light' | 'dark';
  readonly embed: boolean;
  readonly badges: boolean;
  readonly transparent: boolean;
  readonly findings: readonly Finding[];
}

/** Browsers refuse canvases wider or taller than this; a larger export is scaled down, with a notice. */
const MAX_CANVAS_SIDE = 16_384;

let fontData: Promise<string> | null = null;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The shipped font as base64, fetched once (it is part of the app's own files). */
function shippedFont(): Promise<string> {
  fontData ??= fetch(fontUrl)
    .then((r) => r.arrayBuffer())
    .then((b) => toBase64(new Uint8Array(b)));
  return fontData;
}

export function exportSvg(doc: DiagramDocument, o: ImageOptions, fontBase64?: string): string {
  return renderSvg(doc, {
    lang: o.lang,
    theme: o.theme,
    embed: o.embed,
    background: o.transparent ? 'transparent' : 'theme',
    ...(o.badges ? { findings: o.findings } : {}),
    ...(fontBase64 ? { font: { family: SHIPPED_FONT_FAMILY, dataBase64: fontBase64 } } : {}),
  });
}

export function exportMarkdown(doc: DiagramDocument, lang: Lang, findings: readonly Finding[], imagePath?: string): string {
  return renderMarkdown(doc, {
    lang,
    findings,
    ...(imagePath ? { imagePath } : {}),
    describeRule: describeRuleIn(lang),
  });
}

export async function exportPng(doc: DiagramDocument, o: ImageOptions & { scale: number }): Promise<{ png: Uint8Array; scale: number }> {
  const svg = exportSvg(doc, { ...o, embed: false }, await shippedFont());
  const size = svgSize(doc, { lang: o.lang, ...(o.badges ? { findings: o.findings } : {}) });
  const scale = cappedScale(size.width, size.height, o.scale, MAX_RASTER_PIXELS, MAX_CANVAS_SIDE);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(size.width * scale));
    canvas.height = Math.max(1, Math.round(size.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the PNG');
    const png = new Uint8Array(await blob.arrayBuffer());
    return { png: o.embed ? embedInPng(png, serializeDiagram(doc)) : png, scale };
  } finally {
    URL.revokeObjectURL(url);
  }
}
