/** What other parts of the web app use of the layout feature: enter it here, never through its files (STYLE.md). */
export { AppLayout } from './AppLayout';
export { LanguageSwitcher } from './LanguageSwitcher';
export { Logo } from './Logo';
