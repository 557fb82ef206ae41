import { useDocumentTitle } from '@mantine/hooks';

export function usePageTitle(title: string | undefined): void {
  useDocumentTitle(title ? `${title} · Apres` : 'Apres');
}
