import { Resvg } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import { cappedScale, embedInPng, extractDiagram, MAX_RASTER_PIXELS, renderMarkdown, renderSvg, svgSize, SHIPPED_FONT_FAMILY, SHIPPED_FONT_FILE } from '../../app/export';
import { serializeDiagram } from '../../app/format/serialize';
import type { DiagramDocument } from '../../app/model/types';
import { checkDocument } from '../../app/rules/engine';
import { describeRuleIn } from '../../app/rules/registry';
import type { Exporters } from './export';
import type { EmbeddedDiagramExtractor } from './io';

/**
 * The exporters of `kumozu export`: the same pure renderers as the app
 * (app/export), with resvg rasterising PNGs in Node using the shipped font,
 * so Japanese labels render on any machine.
 */

const FONT_PATH = fileURLToPath(new URL(`../../${SHIPPED_FONT_FILE}`, import.meta.url));

/** Above this many pixels the scale is lowered until the image fits, and the user is told. */
export const MAX_PNG_PIXELS = MAX_RASTER_PIXELS;
export { cappedScale };

export function createExporters(notice: (text: string) => void): Exporters {
  return {
    async png(doc, settings) {
      const size = svgSize(doc, { lang: settings.lang });
      const scale = cappedScale(size.width, size.height, settings.scale);
      if (scale !== settings.scale) {
        notice(
          settings.lang === 'ja'
            ? `図が大きいため、PNG の倍率を ${settings.scale} から ${scale} に下げました（上限 ${MAX_PNG_PIXELS / 1_000_000} メガピクセル）。SVG なら縮小せずに書き出せます。`
            : `The diagram is large: PNG scale lowered from ${settings.scale} to ${scale} to stay under ${MAX_PNG_PIXELS / 1_000_000} megapixels. SVG export keeps full detail.`,
        );
      }
      const svg = renderSvg(doc, { lang: settings.lang, theme: settings.theme, embed: false });
      const png = new Resvg(svg, {
        font: { loadSystemFonts: false, fontFiles: [FONT_PATH], defaultFontFamily: SHIPPED_FONT_FAMILY, sansSerifFamily: SHIPPED_FONT_FAMILY },
        fitTo: { mode: 'width', value: Math.max(1, Math.round(size.width * scale)) },
      })
        .render()
        .asPng();
      return settings.embed ? embedInPng(png, serializeDiagram(doc)) : png;
    },
    async svg(doc, settings) {
      return renderSvg(doc, { lang: settings.lang, theme: settings.theme, embed: settings.embed });
    },
    async md(doc: DiagramDocument, settings) {
      const lang = settings.lang;
      return renderMarkdown(doc, { lang, findings: checkDocument(doc, lang), describeRule: describeRuleIn(lang) });
    },
  };
}

/** PNG and SVG exports carry their document; `check` and `export` read it back. */
export const extractEmbedded: EmbeddedDiagramExtractor = (bytes, type) => {
  const found = extractDiagram(bytes, type === 'png' ? 'diagram.png' : 'diagram.svg');
  return 'text' in found ? found.text : null;
};
