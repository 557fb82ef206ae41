import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconScale } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { PageHeader, ErrorState, PageLoader, usePageTitle } from '../common';

/**
 * The law check (SPEC §5): each brand's after-sales settings that the consumer law of a country it
 * sells to overrides, with the article and the setting to change. Apres already applies the law;
 * this is for the admin to stop promising otherwise.
 */
export function LawCheckPage() {
  const { t } = useTranslation();
  usePageTitle(t('lawCheck.title'));
  const q = useQuery({ queryKey: ['admin', 'law-check'], queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/law-check', { signal })) });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('lawCheck.title')} subtitle={t('lawCheck.subtitle')} />
      {q.data.items.map((b) => (
        <Paper key={b.brandId} withBorder radius="md" p="md" data-testid="law-check-brand">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{b.brandName}</Text>
            <Text size="xs" c="dimmed">
              {t('lawCheck.countries', { countries: b.countries.join(', ') })}
            </Text>
          </Group>
          {b.findings.length === 0 ? (
            <Group gap={6}>
              <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" />
              <Text size="sm" c="dimmed">
                {t('lawCheck.none')}
              </Text>
            </Group>
          ) : (
            <Stack gap="xs">
              {b.findings.map((f, i) => (
                <Alert key={i} color="orange" variant="light" icon={<IconScale size={18} />} title={t(`lawCheck.finding.${f.finding}.title`)} data-testid="law-check-finding" data-finding={f.finding}>
                  <Stack gap={4}>
                    <Text size="sm">{t(`lawCheck.finding.${f.finding}.law`)}</Text>
                    <Group gap="xs">
                      <Badge variant="default" radius="sm" tt="none">
                        {f.country}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {t('lawCheck.article', { article: f.article })}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {t('lawCheck.setting', { setting: f.setting })}
                    </Text>
                  </Stack>
                </Alert>
              ))}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
