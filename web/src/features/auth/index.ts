/** What other parts of the web app use of the auth feature: enter it here, never through its files (STYLE.md). */
export { AuthShell } from './AuthShell';
export { LoginPage } from './LoginPage';
export { ForgotPasswordPage, ResetPasswordPage } from './PasswordResetPages';
export { WelcomePage } from './WelcomePage';
export { ME_KEY, useCurrentUser, useLogout, useMe, useUpdateLocale } from './auth.api';
export { HomeRedirect, RequireRole } from './guards';
