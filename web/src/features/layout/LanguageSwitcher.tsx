import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../api/types';
import { errorMessage } from '../../i18n/errors';
import { LANGUAGE_NAMES } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';
import { useMe, useUpdateLocale } from '../auth/auth.api';

/** Changes the UI language at once and, when someone is logged in, saves it as their locale. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const update = useUpdateLocale();

  const choose = (lng: Locale) => {
    void i18n.changeLanguage(lng);
    if (me.data && me.data.user.locale !== lng) {
      update.mutate(lng, { onError: (e) => notifications.show({ color: 'red', message: errorMessage(t, e) }) });
    }
  };

  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconLanguage size={16} />}
          aria-label={t('layout.language')}
          data-testid="language-switcher"
        >
          {locale.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('layout.language')}</Menu.Label>
        {LOCALES.map((lng) => (
          <Menu.Item
            key={lng}
            onClick={() => choose(lng)}
            rightSection={lng === locale ? <IconCheck size={14} /> : null}
            lang={lng}
            data-testid={`language-${lng}`}
          >
            {LANGUAGE_NAMES[lng]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
