import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../api/types';
import { errorMessage, LANGUAGE_NAMES, useLocale } from '../../i18n';
import { useMe, useUpdateLocale } from '../auth';

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
          data-testid="language-switcher"
        >
          {/* Named by its content ("Language FR"), so the name contains what is seen (WCAG 2.5.3). */}
          <VisuallyHidden>{t('layout.language')} </VisuallyHidden>
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
