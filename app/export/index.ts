/**
 * Exports of a diagram (PNG/SVG images and a Markdown explanation): pure
 * functions of the document, shared by the renderer's export dialog and the
 * CLI's `export` command. See README.md in this folder.
 */
export { cappedScale, MAX_RASTER_PIXELS, renderSvg, renderSvgParts, svgSize, type RasterPart, type SvgOptions } from './svg';
export { renderMarkdown, type MarkdownOptions, type RuleDescription } from './markdown';
export {
  DIAGRAM_NAMESPACE,
  embedInPng,
  encodeUtf8,
  extractDiagram,
  extractFromPng,
  extractFromSvg,
  PNG_KEYWORD,
  type ExtractedDiagram,
} from './embed';
export { layoutDiagram, type DiagramLayout } from './layout';
export { CJK_FALLBACK_FAMILIES, fontFamilyList, SHIPPED_FONT_FAMILY, SHIPPED_FONT_FILE } from './font';
export { THEMES, type ThemeName } from './theme';
