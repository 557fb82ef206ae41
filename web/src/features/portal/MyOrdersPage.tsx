import { Anchor, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconFileInvoice, IconPackage, IconPlus, IconTruckReturn } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { Locale, ResponseOf } from '../../api/types';
import type { TFunction } from 'i18next';
import { formatPlainDate, intlTag, pickLocalised, useLocale } from '../../i18n';
import { PageHeader, Empty, ListStates, usePageTitle, LoadMore } from '../common';
import { OUTCOME_COLOR } from '../units';
import { RegisteredProducts } from './RegisteredProducts';

type Order = ResponseOf<'/api/v1/orders', 'get'>['items'][number];
type UnitWarranty = Order['lines'][number]['units'][number]['warranty'];

function useMyOrders() {
  return useInfiniteQuery({
    queryKey: ['orders', 'mine'],
    queryFn: ({ pageParam, signal }) => ok(api.GET('/api/v1/orders', { params: { query: { cursor: pageParam ?? undefined, limit: 10 } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * "My orders" (seed 001): newest first, each with what it delivered and, per unit, what the
 * customer is owed today in plain words, and the services open to it now. Returns come in a later
 * version: the button is there, disabled, saying so.
 */
export function MyOrdersPage() {
  const { t } = useTranslation();
  usePageTitle(t('orders.title'));
  const list = useMyOrders();
  const orders = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={t('orders.title')} subtitle={t('orders.subtitle')} />
      <ListStates
        pending={list.isPending}
        error={list.isError ? list.error : null}
        onRetry={() => void list.refetch()}
        isEmpty={orders.length === 0}
        empty={<Empty icon={<IconPackage size={28} />} title={t('orders.empty')} description={t('orders.emptyHint')} />}
      >
        <Stack gap="md">
          {orders.map((o) => (
            <OrderCard key={o.id} order={o} />
          ))}
          <LoadMore list={list} centered />
        </Stack>
      </ListStates>
      <RegisteredProducts />
    </Stack>
  );
}

function OrderCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency: order.currency });
  const disputeOpen = order.dispute !== null && order.dispute.closedOn === null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="order-card" data-number={order.number}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600} ff="monospace">
            {order.number}
          </Text>
          <Text size="sm" c="dimmed">
            {t('orders.placed', { date: formatPlainDate(order.orderedOn, locale), brand: order.brandName })}
            {order.seller ? ` · ${t('orders.soldBy', { seller: order.seller })}` : ''}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text fw={600}>{money.format(order.totalCents / 100)}</Text>
          {order.paidOn && (
            <Text size="xs" c="dimmed">
              {t('orders.paid', { date: formatPlainDate(order.paidOn, locale), provider: order.paymentProvider ?? '—' })}
            </Text>
          )}
          {order.invoice && (
            <Anchor href={`/api/v1/orders/${order.id}/invoice`} download size="xs" data-testid="order-invoice">
              <Group gap={4} wrap="nowrap">
                <IconFileInvoice size={14} />
                {order.invoice.number ? t('orders.invoiceNumbered', { number: order.invoice.number }) : t('orders.invoice')}
              </Group>
            </Anchor>
          )}
          {disputeOpen && (
            <Text size="xs" fw={600} c="orange.8" ta="right" data-testid="order-dispute">
              {t('orders.disputeOpen', { date: formatPlainDate(order.dispute!.openedOn, locale) })}
            </Text>
          )}
        </Stack>
      </Group>
      <Stack gap="sm" mt="sm">
        {order.lines.map((l) => (
          <Stack key={l.id} gap={4}>
            <Text size="sm">
              {l.quantity} × {pickLocalised(l.model.name, locale)}
            </Text>
            {l.units.map((u) => (
              <Group key={u.id} justify="space-between" wrap="wrap" gap="xs" pl="sm" data-testid="order-unit" data-serial={u.serial}>
                <Stack gap={2}>
                  <Text size="xs" ff="monospace" c="dimmed">
                    {u.serial}
                  </Text>
                  <Group gap="xs">
                    <Badge color={OUTCOME_COLOR[u.warranty.outcome]} variant="light" radius="sm" tt="none" data-outcome={u.warranty.outcome}>
                      {t(`warranty.outcome.${u.warranty.outcome}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {coverageWords(t, u.warranty, locale)}
                    </Text>
                  </Group>
                </Stack>
                <Group gap="xs">
                  {u.warranty.outcome === 'blocked' ? (
                    // Seed 001: while the payment dispute is open, the payment provider's process handles it.
                    <Tooltip label={t('orders.blockedHint')} multiline maw={260} withArrow>
                      <span>
                        <Button size="xs" variant="light" disabled leftSection={<IconPlus size={14} />} data-testid="order-open-request">
                          {t('orders.openRequest')}
                        </Button>
                      </span>
                    </Tooltip>
                  ) : (
                    <Button component={Link} to="/portal/new" size="xs" variant="light" leftSection={<IconPlus size={14} />} data-testid="order-open-request">
                      {t('orders.openRequest')}
                    </Button>
                  )}
                  <Tooltip label={t('orders.returnLater')} multiline maw={260} withArrow>
                    <span>
                      <Button size="xs" variant="default" disabled leftSection={<IconTruckReturn size={14} />} data-testid="order-return">
                        {t('orders.requestReturn')}
                      </Button>
                    </span>
                  </Tooltip>
                </Group>
              </Group>
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/** The short line under a unit: until when it is covered, or what is needed or blocking. */
function coverageWords(t: TFunction, w: UnitWarranty, locale: Locale): string {
  if (w.outcome === 'blocked' && w.blockedUntil) return t('orders.blockedUntil', { date: formatPlainDate(w.blockedUntil, locale) });
  if (w.outcome === 'needs_information') return t('warranty.rule.missing_proof_of_purchase');
  if (w.endsOn) return t('warranty.until', { date: formatPlainDate(w.endsOn, locale) });
  return '';
}
