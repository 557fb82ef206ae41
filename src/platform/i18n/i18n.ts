import i18next, { type TFunction } from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import ro from './locales/ro.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import sv from './locales/sv.json' with { type: 'json' };

import { LOCALES } from '../../shared/vocabulary.ts';

export const SERVER_LOCALES = LOCALES;
export type ServerLocale = (typeof SERVER_LOCALES)[number];

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, fr: { translation: fr }, ro: { translation: ro }, ru: { translation: ru }, sv: { translation: sv } },
  fallbackLng: 'en',
  supportedLngs: [...SERVER_LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An `Intl.DateTimeFormat`, made once per locale and options and kept: making one costs about as
 * much as a database round trip (measured in a profile of ticket creation), formatting with it
 * almost nothing. Locales, zones and option sets are few, so the cache stays small.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * A date's parts for a sentence that places them itself: gluing "пятница, 12 июня" after a
 * preposition that governs a case ("на" takes the accusative: "на пятницу") is wrong in Russian,
 * so each language's template words the weekday, date, time and zone in its own order and case.
 * The zone reads as the web app's ticket page names it ("Moscow Standard Time").
 */
export function dateParts(at: Date, locale: string, timeZone: string): { weekday: string; date: string; time: string; zone: string } {
  const part = (options: Intl.DateTimeFormatOptions) => dateTimeFormat(locale, { timeZone, ...options }).format(at);
  const zone = dateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return {
    weekday: part({ weekday: 'long' }),
    date: part({ day: 'numeric', month: 'long', year: 'numeric' }),
    time: part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    zone,
  };
}

/** Translator for server-made text (e-mails, PDFs) in the recipient's language. */
export function translator(locale: string): TFunction {
  return instance.getFixedT(SERVER_LOCALES.includes(locale as ServerLocale) ? locale : 'en');
}

/** A message of the catalogue as written, its {{variables}} not filled in (English when the language lacks it). */
export function rawMessage(locale: string, key: string): string | undefined {
  const lng = SERVER_LOCALES.includes(locale as ServerLocale) ? locale : 'en';
  const found: unknown = instance.getResource(lng, 'translation', key) ?? instance.getResource('en', 'translation', key);
  return typeof found === 'string' ? found : undefined;
}

/** A name the catalog gives in several languages (a model, an accessory), in the reader's: else English, else any, else the fallback (its code). */
export function localised(name: Readonly<Record<string, string>>, locale: string, fallback: string): string {
  return name[locale] ?? name.en ?? Object.values(name)[0] ?? fallback;
}

export function formatDateTime(at: Date, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short',
  }).format(at);
}
