import { Alert, Button, Center, Container, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage, formatMoney, formatPlainDate, useLocale } from '../../i18n';
import { useAnswerLink, useQuoteLink } from './workshop.api';

/**
 * Where a quote e-mail's link lands (no sign-in: the link is signed). Opening it shows the quote
 * and the answer the link gives; only the button answers — mail scanners open links too.
 */
export function QuoteLinkPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { token = '' } = useParams();
  const link = useQuoteLink(token);
  const answer = useAnswerLink(token);
  const q = link.data?.quote;
  return (
    <Container component="main" size="sm" py="xl">
      <Paper withBorder radius="md" p="lg" data-testid="quote-link">
        {link.isPending && <Text c="dimmed">{t('common.loading')}</Text>}
        {link.isError && (
          <Stack gap="md">
            <Title order={1} size="h3">
              {t('workshop.link.invalidTitle')}
            </Title>
            <Alert color="red" variant="light" data-testid="quote-link-error">
              {errorMessage(t, link.error)}
            </Alert>
          </Stack>
        )}
        {link.data && q && (
          <Stack gap="md">
            <div>
              <Text c="dimmed" size="sm">
                {link.data.brand} · {link.data.ticketNumber}
              </Text>
              <Title order={1} size="h3">
                {t(`workshop.quote.kind.${q.kind}`, { number: q.number })}
              </Title>
            </div>
            <Table fz="sm">
              <Table.Tbody>
                {q.lines.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{l.quantity > 1 ? `${l.quantity} × ${l.description}` : l.description}</Table.Td>
                    <Table.Td ta="right">{formatMoney(l.net.amountCents, l.net.currency, locale)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td c="dimmed">{t('workshop.quote.tax', { rate: q.taxRateBp / 100 })}</Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {formatMoney(q.tax.amountCents, q.tax.currency, locale)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td fw={700}>{t('workshop.quote.total')}</Table.Td>
                  <Table.Td ta="right" fw={700} data-testid="quote-link-total">
                    {formatMoney(q.total.amountCents, q.total.currency, locale)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              {t('workshop.quote.validUntil', { date: formatPlainDate(q.validUntil, locale) })}
            </Text>
            {answer.isSuccess || q.state !== 'sent' ? (
              <Alert color={(answer.data?.state ?? q.state) === 'accepted' ? 'teal' : 'gray'} variant="light" data-testid="quote-link-done">
                {t(`workshop.link.done.${(answer.data?.state ?? q.state) as 'accepted' | 'refused' | 'expired' | 'withdrawn'}`)}
              </Alert>
            ) : (
              <>
                <Text>{t(`workshop.link.confirm.${link.data.answer}`, { number: q.number })}</Text>
                {link.data.answer === 'refuse' && q.kind === 'repair' && (
                  <Text size="sm" c="dimmed" data-testid="quote-link-fee">
                    {q.refusalFee ? t('workshop.quote.refuseFee', { fee: formatMoney(q.refusalFee.amountCents, q.refusalFee.currency, locale) }) : t('workshop.quote.refuseFree')}
                  </Text>
                )}
                {answer.isError && (
                  <Alert color="red" variant="light">
                    {errorMessage(t, answer.error)}
                  </Alert>
                )}
                <Group>
                  <Button color={link.data.answer === 'accept' ? 'teal' : 'red'} loading={answer.isPending} onClick={() => answer.mutate()} data-testid="quote-link-confirm">
                    {t(`workshop.link.button.${link.data.answer}`)}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}
      </Paper>
      <Center mt="md">
        <Text size="xs" c="dimmed">
          Apres
        </Text>
      </Center>
    </Container>
  );
}
