import type { Severity } from '../rules/types';

/**
 * Export colours, taken from the canvas stylesheet (renderer/src/styles.css,
 * `:root` and `:root[data-theme='dark']`) so an exported image looks like the
 * canvas. CSS there uses custom properties, `color-mix()` and rgba(); SVG
 * renderers differ in what they understand, so every colour here is a plain
 * hex value with a separate opacity.
 */

export type ThemeName = 'light' | 'dark';

export interface Paint {
  readonly color: string;
  /** 1 = opaque. */
  readonly opacity: number;
}

export interface Theme {
  readonly canvas: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly nodeBg: string;
  /** Card shadow (CSS `box-shadow: 0 1px 2px rgba(0,0,0,.08)`), drawn as an offset rectangle. */
  readonly shadow: Paint;
  readonly edgeLabel: string;
  /** Background behind connection labels, so a label stays legible where it crosses a line. */
  readonly edgeLabelBg: Paint;
  readonly edgeLabelInvalid: string;
  readonly publicFill: Paint;
  readonly publicBorder: string;
  readonly privateFill: Paint;
  readonly privateBorder: string;
  readonly unknownFill: string;
  readonly note: string;
  /** Ring around finding badges (CSS `box-shadow: 0 0 0 2px var(--k-panel)`). */
  readonly panel: string;
  /** Opacity of a container's category-colour tint (CSS `color-mix(… 5%, transparent)`). */
  readonly containerTint: number;
}

/** Mixes `a` into `b` by `share` (0–1), like CSS `color-mix(in srgb, a share, b)`. */
function mix(a: string, share: number, b: string): string {
  const ch = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  const out = [0, 1, 2].map((i) => Math.round(ch(a, i) * share + ch(b, i) * (1 - share)));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const UNKNOWN_GREY = '#9aa5b1';

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: {
    canvas: '#fbfcfd',
    text: '#1f2933',
    muted: '#616e7c',
    border: '#d9dee5',
    nodeBg: '#ffffff',
    shadow: { color: '#000000', opacity: 0.08 },
    edgeLabel: '#323f4b',
    edgeLabelBg: { color: '#fbfcfd', opacity: 0.9 },
    edgeLabelInvalid: '#7b8794',
    publicFill: { color: '#e8f5e9', opacity: 1 },
    publicBorder: '#2e7d32',
    privateFill: { color: '#e3f2fd', opacity: 1 },
    privateBorder: '#1565c0',
    unknownFill: mix(UNKNOWN_GREY, 0.12, '#ffffff'),
    note: '#fff7c2',
    panel: '#ffffff',
    containerTint: 0.05,
  },
  dark: {
    canvas: '#11151a',
    text: '#e4e7eb',
    muted: '#9aa5b1',
    border: '#333d48',
    nodeBg: '#232b34',
    shadow: { color: '#000000', opacity: 0.3 },
    edgeLabel: '#e4e7eb',
    edgeLabelBg: { color: '#1d232a', opacity: 0.92 },
    edgeLabelInvalid: '#9aa5b1',
    publicFill: { color: '#2e7d32', opacity: 0.16 },
    publicBorder: '#66bb6a',
    privateFill: { color: '#1565c0', opacity: 0.18 },
    privateBorder: '#64b5f6',
    unknownFill: mix(UNKNOWN_GREY, 0.12, '#232b34'),
    note: '#4a4423',
    panel: '#1d232a',
    containerTint: 0.05,
  },
};

/** Grey for unknown kinds and for connections the palette does not allow (as on the canvas). */
export const INVALID_GREY = UNKNOWN_GREY;

/** Badge colours (styles.css `.k-badge.k-sev-*`); the same in both themes. */
export const SEVERITY_STYLE: Readonly<Record<Severity, { readonly fill: string; readonly text: string; readonly symbol: string }>> = {
  error: { fill: '#d13212', text: '#ffffff', symbol: '!' },
  warning: { fill: '#e6a700', text: '#1f2933', symbol: '!' },
  info: { fill: '#2f7dd1', text: '#ffffff', symbol: 'i' },
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
