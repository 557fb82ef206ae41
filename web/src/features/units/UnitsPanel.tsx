import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/types';
import { formatPlainDate, pickLocalised, useLocale } from '../../i18n';
import { useTicketUnits } from './units.api';
import { explainWarranty, OUTCOME_COLOR } from './warranty-words';

/**
 * The units a ticket names and what their owner is owed today, with the rule and article that
 * decided — the same panel for the desk and the portal (each sees only the units in their reach).
 */
export function UnitsPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const units = useTicketUnits(ticket.id, ticket.serialNumbers.length > 0);
  if (ticket.serialNumbers.length === 0 || !units.data) return null;

  return (
    <Paper withBorder radius="md" p="md" data-testid="units-panel">
      <Group gap={8} mb="sm">
        <IconShieldCheck size={18} />
        <Text fw={600}>{t('warranty.title')}</Text>
      </Group>
      <Stack gap="md">
        {units.data.map((item) => (
          <Stack key={item.serial} gap={4} data-testid="unit-item" data-serial={item.serial}>
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {item.unit ? pickLocalised(item.unit.model.name, locale) : t('warranty.serial', { serial: item.serial })}
            </Text>
            {item.warranty && (
              <Group gap="xs" wrap="wrap">
                <Badge color={OUTCOME_COLOR[item.warranty.outcome]} variant="light" radius="sm" tt="none" data-testid="warranty-outcome" data-outcome={item.warranty.outcome}>
                  {t(`warranty.outcome.${item.warranty.outcome}`)}
                </Badge>
                {item.warranty.coverage && (
                  <Text size="xs" c="dimmed">
                    {t('warranty.until', { date: formatPlainDate(item.warranty.coverage.endsOn, locale) })}
                  </Text>
                )}
              </Group>
            )}
            {item.unit ? (
              <>
                <Text size="xs" c="dimmed" ff="monospace">
                  {item.serial}
                </Text>
                {item.warranty &&
                  explainWarranty(t, item.warranty, locale).map((line, i) => (
                    <Text key={i} size="xs" c={i === 0 ? undefined : 'dimmed'}>
                      {line}
                    </Text>
                  ))}
              </>
            ) : (
              <Text size="xs" c="dimmed" data-testid="unit-unknown">
                {t('warranty.unknown')}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
