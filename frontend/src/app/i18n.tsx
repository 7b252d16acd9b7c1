import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nb, type Messages } from '../locales/nb';
import { setApiLanguage } from '../api/client';
import { formatters, type Formatters } from './format';

export type Lang = 'nb' | 'en';

export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** The shape of a bokmål catalogue with its texts as plain strings: the type of its translations. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type MessageKey = Leaves<Messages>;
export type Vars = Record<string, string | number>;

// Bokmål ships with the first page; English is its own chunk, loaded before the first render
// for a reader who chose it (loadInitialCatalog) and on switching (keeps the first page's
// JavaScript within its budget, scripts/bundle-size.mjs).
const catalogs: Partial<Record<Lang, Messages>> = { nb };
const loaders: Record<Lang, () => Promise<Messages>> = {
  nb: () => Promise.resolve(nb),
  en: () => import('../locales/en').then((module) => module.en),
};
const STORAGE_KEY = 'innovasjonstorget.lang';

export function registerCatalog(lang: Lang, messages: Messages): void {
  catalogs[lang] = messages;
}

async function loadCatalog(lang: Lang): Promise<void> {
  if (!catalogs[lang]) registerCatalog(lang, await loaders[lang]());
}

/** Loads the stored language's texts before the app first renders (no bokmål flash). */
export function loadInitialCatalog(): Promise<void> {
  return loadCatalog(initialLang()).catch(() => undefined);
}

export function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return interpolate(lookup(catalogs[lang] ?? nb, key) ?? key, vars);
}

/**
 * A feature's own texts, under `prefix` ('joint': 'joint.panel.title'), in a module of the
 * feature's (features/<name>/texts.ts) so that they load with its pages and not with the first
 * page (scripts/bundle-size.mjs). Bokmål is the type source for English, as in src/locales.
 */
export type FeatureTexts<P extends string = string, T extends object = object> = { prefix: P; nb: T; en: Widen<T> };
/** The keys of one or more features' texts, with their prefix. */
export type FeatureKey<F> = F extends FeatureTexts<infer P, infer T> ? `${P}.${Leaves<T>}` : never;

export function featureTexts<P extends string, T extends object>(prefix: P, nb: T, en: Widen<T>): FeatureTexts<P, T> {
  return { prefix, nb, en };
}

/**
 * `useI18n` whose `t` also knows the given features' texts: `t('joint.panel.title')` looks in the
 * feature's module first, then in the app's catalogue (keys a feature shares with the menu stay
 * there, e.g. 'research.nav').
 */
export function useFeatureI18n<F extends FeatureTexts[]>(...features: F) {
  const i18n = useI18n();
  const t = useMemo(
    () =>
      (key: MessageKey | FeatureKey<F[number]>, vars?: Vars): string => {
        for (const feature of features) {
          if (!key.startsWith(`${feature.prefix}.`)) continue;
          const text = lookup(i18n.lang === 'en' ? feature.en : feature.nb, key.slice(feature.prefix.length + 1));
          if (text !== undefined) return interpolate(text, vars);
        }
        return i18n.t(key as MessageKey, vars);
      },
    // The features are module constants; `i18n` changes with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n],
  );
  return { ...i18n, t };
}

/** `fmt`: dates, numbers, money and quotation marks in the current language (app/format.ts). */
type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: (key: MessageKey, vars?: Vars) => string; fmt: Formatters };

const I18nContext = createContext<I18n | null>(null);

/** The reader's language: the one chosen before (stored), or bokmål. */
export function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'nb') return stored;
  } catch {
    /* storage may be unavailable */
  }
  return 'nb';
}

export function I18nProvider({ children, lang: forced }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => forced ?? initialLang());
  const [, setLoaded] = useState(0);
  setApiLanguage(lang);

  useEffect(() => {
    if (catalogs[lang]) return;
    let current = true;
    loadCatalog(lang)
      .then(() => {
        if (current) setLoaded((n) => n + 1);
      })
      .catch(() => undefined); // bokmål stands in until the chunk loads
    return () => {
      current = false;
    };
  }, [lang]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* ignore */
    }
    setApiLanguage(next);
    setLangState(next);
  }, []);

  const ready = catalogs[lang] !== undefined;
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars), fmt: formatters(lang) }),
    // `ready`: a catalogue that has just loaded gives a new `t`, so its readers render again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, setLang, ready],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
