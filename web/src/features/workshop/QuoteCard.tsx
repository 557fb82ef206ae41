import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage, formatMoney, formatPlainDate, useLocale } from '../../i18n';
import { DocumentLink } from '../common';
import { type Quote, quotePdfUrl, useAnswerQuote } from './workshop.api';

/**
 * A quote or an offer as the customer reads it: its lines and sums in their locale, its validity,
 * and — while it waits — accept or refuse (the desk records the customer's word the same way).
 */
export function QuoteCard({ quote: q, ticketId, portal }: { quote: Quote; ticketId: string; portal: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const answer = useAnswerQuote(ticketId);
  const money = (m: { amountCents: number; currency: string }) => formatMoney(m.amountCents, m.currency, locale);
  const reply = (a: 'accept' | 'refuse') =>
    answer.mutate({ quoteId: q.id, answer: a }, { onSuccess: () => notifications.show({ color: 'teal', message: t(`workshop.quote.${a === 'accept' ? 'accepted' : 'refused'}`) }), onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }) });
  const open = q.state === 'sent' && !q.expired;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="quote" data-state={q.state}>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          {t(`workshop.quote.kind.${q.kind}`, { number: q.number })}
        </Text>
        <Badge variant="light" radius="sm" tt="none" color={q.state === 'accepted' ? 'teal' : q.state === 'sent' && !q.expired ? 'orange' : 'gray'} data-testid="quote-state">
          {q.expired ? t('workshop.quote.state.expired') : t(`workshop.quote.state.${q.state}`)}
        </Badge>
      </Group>
      <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} layout="fixed">
          <Table.Tbody>
            {q.lines.map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>{l.quantity > 1 ? `${l.quantity} × ${l.description}` : l.description}</Table.Td>
                <Table.Td ta="right" w={110} style={{ whiteSpace: 'nowrap' }}>
                  {money(l.net)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td c="dimmed">{t('workshop.quote.tax', { rate: q.taxRateBp / 100 })}</Table.Td>
              <Table.Td ta="right" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {money(q.tax)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={700}>{t('workshop.quote.total')}</Table.Td>
              <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="quote-total">
                {money(q.total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {q.answeredAt ? t('workshop.quote.answered', { date: formatPlainDate(q.answeredAt.slice(0, 10), locale), via: t(`workshop.quote.via.${q.answeredVia ?? 'desk'}`) }) : t('workshop.quote.validUntil', { date: formatPlainDate(q.validUntil, locale) })}
      </Text>
      <Group gap="xs" mt="xs" justify="space-between">
        <DocumentLink href={quotePdfUrl(q.id)} label={t('workshop.quote.pdf')} testId="quote-pdf" />
        {open && (
          <Group gap="xs">
            <Button size="xs" loading={answer.isPending && answer.variables?.answer === 'accept'} onClick={() => reply('accept')} data-testid="quote-accept">
              {portal ? t('workshop.quote.accept') : t('workshop.quote.acceptForCustomer')}
            </Button>
            <Button size="xs" variant="light" color="red" loading={answer.isPending && answer.variables?.answer === 'refuse'} onClick={() => reply('refuse')} data-testid="quote-refuse">
              {portal ? t('workshop.quote.refuse') : t('workshop.quote.refuseForCustomer')}
            </Button>
          </Group>
        )}
      </Group>
      {open && portal && (
        <Text size="xs" c="dimmed" mt={4}>
          {q.kind === 'offer' ? t('workshop.quote.offerHint') : q.refusalFee ? t('workshop.quote.refuseFee', { fee: money(q.refusalFee) }) : t('workshop.quote.refuseFree')}
        </Text>
      )}
    </Paper>
  );
}
