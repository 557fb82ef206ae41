import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The button under a paginated list: the next page, while there is one. */
export function LoadMore({ list, centered = false }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> }; centered?: boolean }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  const button = (
    <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
      {t('common.loadMore')}
    </Button>
  );
  return centered ? <Group justify="center">{button}</Group> : button;
}
