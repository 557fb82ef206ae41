import { Button, Center, EmptyState, Loader, Paper, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle, IconFileUnknown, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { errorMessage } from '../../i18n';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h={240} aria-busy="true" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="xs" aria-busy="true">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

export function NotFound({ homeTo }: { homeTo?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" data-testid="not-found">
      <EmptyState
        icon={<IconFileUnknown size={32} />}
        variant="light"
        color="gray"
        title={t('notFound.title')}
        description={t('notFound.description')}
      >
        {homeTo && (
          <EmptyState.Actions>
            <Button component={Link} to={homeTo} variant="light">
              {t('notFound.back')}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" role="alert" data-testid="error-state">
      <EmptyState
        icon={<IconAlertTriangle size={32} />}
        variant="light"
        color="red"
        title={t('errors.title')}
        description={errorMessage(t, error)}
      >
        {onRetry && !(isApiError(error) && error.status === 403) && (
          <EmptyState.Actions>
            <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

export function Empty({ icon, title, description, action }: { icon: ReactNode; title: string; description?: string; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="empty-state">
      <EmptyState icon={icon} withIndicatorBackground title={title} description={description}>
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}

/** A ticket that answers 404 (or an id that cannot be one) is shown as "not found", never as an error. */
export function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'));
}

/** A list's states in one place: skeleton while loading, the error with a retry, the empty message, else the list. */
export function ListStates({
  pending,
  error,
  onRetry,
  isEmpty,
  empty,
  children,
}: {
  pending: boolean;
  error: unknown;
  onRetry: () => void;
  isEmpty: boolean;
  empty: ReactNode;
  children: ReactNode;
}) {
  if (pending) return <TableSkeleton />;
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (isEmpty) return <>{empty}</>;
  return <>{children}</>;
}
