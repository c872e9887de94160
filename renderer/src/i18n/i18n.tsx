import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang, Text } from '../../../app/model/types';
import { format, MESSAGES, type MessageKey } from './messages';

export interface I18n {
  readonly lang: Lang;
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  /** Picks the current language from a bilingual catalog text. */
  tx(text: Text): string;
}

export function makeI18n(lang: Lang): I18n {
  const table = MESSAGES[lang];
  return {
    lang,
    t: (key, params) => format(table[key], params),
    tx: (text) => text[lang],
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** The system locale decides the first language; the user's choice is remembered after that. */
export function systemLang(): Lang {
  const langs = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  return langs.some((l) => typeof l === 'string' && l.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}
