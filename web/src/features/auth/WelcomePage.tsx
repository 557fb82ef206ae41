import { useTranslation } from 'react-i18next';
import { ChoosePasswordPage } from './PasswordResetPages';

/**
 * The page an admin's invitation opens (issue 14, item 6): the invitee chooses a first password
 * through the same link and endpoint as a reset, in the words of a welcome.
 */
export function WelcomePage() {
  const { t } = useTranslation();
  return (
    <ChoosePasswordPage
      texts={{
        title: t('people.welcome.title'),
        intro: t('people.welcome.intro'),
        save: t('people.welcome.save'),
        done: t('people.welcome.done'),
        signIn: t('people.welcome.signIn'),
        invalid: t('people.welcome.invalid'),
      }}
      testIdPrefix="welcome"
      confirmTestId="welcome-save"
    />
  );
}
