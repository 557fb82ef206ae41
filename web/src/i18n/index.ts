import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types';
import en from './locales/en.json';
import fr from './locales/fr.json';
import ro from './locales/ro.json';
import ru from './locales/ru.json';
import sv from './locales/sv.json';

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  ro: { translation: ro },
  ru: { translation: ru },
  sv: { translation: sv },
} as const;

// What features use of this folder, entered through here: messages for errors, dates and names in
// the reader's language, and the reader's locale.
export { errorMessage, fieldErrorMessage, type FieldErrorCode } from './errors';
export { formatBytes, formatDateTime, formatMoney, formatPlainDate, intlTag, pickLocalised, zoneName } from './format';
export { useLocale } from './useLocale';
export { dayNumber, fromZonedWall, isValidTimeZone, toZonedWall } from './zoned-time';

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  fr: 'Français',
  en: 'English',
  ro: 'Română',
  ru: 'Русский',
  sv: 'Svenska',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The current UI language reduced to one of the supported locales. */
export function currentLocale(lng: string | undefined = i18n.resolvedLanguage ?? i18n.language): Locale {
  const base = (lng ?? 'en').slice(0, 2).toLowerCase();
  return isLocale(base) ? base : 'en';
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      // Logged-in users get their profile locale (applied after /auth/me); before that the last
      // choice on this browser, then the browser's language.
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: 'apres.lang',
      caches: ['localStorage'],
    },
  });

i18n.on('languageChanged', (lng) => {
  // Outside a browser (unit tests read the catalogues through here) there is no page to label.
  if (typeof document !== 'undefined') document.documentElement.lang = currentLocale(lng);
});

export default i18n;
