import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { currentLocale } from './index';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return currentLocale(i18n.resolvedLanguage ?? i18n.language);
}
