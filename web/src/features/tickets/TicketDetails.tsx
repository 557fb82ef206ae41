import { Badge, DataList, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brand, IntakeField, Locale, Ticket } from '../../api/types';
import { formatPlainDate, pickLocalised, useLocale } from '../../i18n';
import { AttachmentList } from './attachments';
import { ChannelLabel, DateTime } from './badges';

function customValue(field: IntakeField | undefined, value: unknown, locale: Locale, brandLocale: string | undefined): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    return (
      <Group gap={4}>
        {value.map((v) => (
          <Badge key={String(v)} variant="default" radius="sm" tt="none" fw={500}>
            {String(v)}
          </Badge>
        ))}
      </Group>
    );
  }
  if (field?.type === 'select') {
    const option = field.options?.find((o) => o.value === value);
    if (option) return pickLocalised(option.label, locale, brandLocale);
  }
  if (field?.type === 'date' && typeof value === 'string') return formatPlainDate(value, locale);
  if (typeof value === 'object') return JSON.stringify(value);
  return <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{String(value)}</span>;
}

export function SerialBadges({ serials }: { serials: readonly string[] }) {
  if (serials.length === 0) return <>—</>;
  return (
    <Group gap={4} data-testid="ticket-serials">
      {serials.map((s) => (
        <Badge key={s} variant="default" radius="sm" tt="none" fw={500} ff="monospace">
          {s}
        </Badge>
      ))}
    </Group>
  );
}

/** The custom fields of a ticket, labelled from its brand's intake form in the reader's language. */
export function CustomFields({ ticket, brand }: { ticket: Ticket; brand: Brand | undefined }) {
  const locale = useLocale();
  const fields = brand?.intakeForm.fields ?? [];
  const known = new Set(fields.map((f) => f.key));
  const keys = [...fields.map((f) => f.key).filter((k) => k in ticket.customFields), ...Object.keys(ticket.customFields).filter((k) => !known.has(k))];
  if (keys.length === 0) return null;
  return (
    <>
      {keys.map((key) => {
        const field = fields.find((f) => f.key === key);
        return (
          <DataList.Item key={key} data-testid={`custom-field-${key}`}>
            <DataList.ItemLabel>{field ? pickLocalised(field.label, locale, brand?.defaultLocale) || key : key}</DataList.ItemLabel>
            <DataList.ItemValue>{customValue(field, ticket.customFields[key], locale, brand?.defaultLocale)}</DataList.ItemValue>
          </DataList.Item>
        );
      })}
    </>
  );
}

export function TicketDetails({ ticket, brand, showRequester }: { ticket: Ticket; brand: Brand | undefined; showRequester?: boolean }) {
  const { t } = useTranslation();
  return (
    <DataList orientation="vertical" gap="sm" size="sm" data-testid="ticket-details">
      {showRequester && (
        <DataList.Item>
          <DataList.ItemLabel>{t('ticket.requester')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm" fw={500} data-testid="ticket-requester">
              {ticket.requester.name}
            </Text>
            <Text size="xs" c="dimmed">
              {ticket.requester.email}
            </Text>
            {ticket.organisation && (
              <Text size="xs" c="dimmed">
                {ticket.organisation.name}
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
      )}
      <DataList.Item>
        <DataList.ItemLabel>{t('ticket.brand')}</DataList.ItemLabel>
        <DataList.ItemValue data-testid="ticket-brand">{ticket.brandName}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('ticket.channel')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <ChannelLabel channel={ticket.channel} />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('ticket.created')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <DateTime iso={ticket.createdAt} timeZone={ticket.timeZone} withZone />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t('ticket.updated')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <DateTime iso={ticket.updatedAt} timeZone={ticket.timeZone} withZone />
        </DataList.ItemValue>
      </DataList.Item>
      {ticket.acceptedAt && (
        <DataList.Item data-testid="ticket-accepted-at">
          <DataList.ItemLabel>{t('ticket.acceptedAt')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <DateTime iso={ticket.acceptedAt} timeZone={ticket.timeZone} withZone />
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {ticket.confirmationRequestedAt && (
        <DataList.Item data-testid="ticket-confirmation-requested-at">
          <DataList.ItemLabel>{t('ticket.confirmationRequestedAt')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <DateTime iso={ticket.confirmationRequestedAt} timeZone={ticket.timeZone} withZone />
          </DataList.ItemValue>
        </DataList.Item>
      )}
      {ticket.confirmedAt && (
        <DataList.Item data-testid="ticket-confirmed-at">
          <DataList.ItemLabel>{t('ticket.confirmedAt')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <DateTime iso={ticket.confirmedAt} timeZone={ticket.timeZone} withZone />
          </DataList.ItemValue>
        </DataList.Item>
      )}
      <DataList.Item>
        <DataList.ItemLabel>{t('ticket.serials')}</DataList.ItemLabel>
        <DataList.ItemValue>
          <SerialBadges serials={ticket.serialNumbers} />
        </DataList.ItemValue>
      </DataList.Item>
      <CustomFields ticket={ticket} brand={brand} />
      {ticket.attachments && ticket.attachments.length > 0 && (
        <DataList.Item>
          <DataList.ItemLabel>{t('attachments.title')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <AttachmentList attachments={ticket.attachments} />
          </DataList.ItemValue>
        </DataList.Item>
      )}
    </DataList>
  );
}
