import type { Locale } from '../../platform/db/schema.ts';

/** PostgreSQL text-search configuration per language: the stemmer a text is indexed with. */
const CONFIG_BY_LOCALE: Record<Locale, string> = {
  fr: 'french',
  en: 'english',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
};

export const SEARCH_CONFIGS = ['french', 'english', 'romanian', 'russian', 'swedish', 'simple'] as const;

const CYRILLIC = /[\u0400-\u04FF]/g;

/**
 * The language a text is indexed in: the writer's language, except that text mostly in Cyrillic
 * is Russian whatever the writer's settings (a Moscow customer may keep an English UI).
 */
export function searchConfigFor(text: string, locale: Locale): string {
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters > 0 && cyrillic / letters > 0.5) return 'russian';
  if (locale === 'ru' && cyrillic === 0 && letters > 0) return 'english';
  return CONFIG_BY_LOCALE[locale];
}
