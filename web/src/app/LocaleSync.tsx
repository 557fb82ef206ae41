import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth';
import { isLocale } from '../i18n';

/** A logged-in user's profile locale wins over the browser's language (SPEC §7). */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const { data } = useMe();
  const locale = data?.user.locale;
  useEffect(() => {
    if (isLocale(locale) && i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
  return null;
}
