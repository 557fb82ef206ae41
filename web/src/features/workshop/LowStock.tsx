import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPlainDate, useLocale } from '../../i18n';
import { useBrands } from '../brands';
import { useLowStock } from './workshop.api';

/** The parts the workshop runs short of, per brand: on hand, needed by open repairs, on order and when. */
export function LowStock() {
  const { t } = useTranslation();
  const brands = useBrands();
  return (
    <Stack gap="xs" data-testid="low-stock">
      <Title order={2} size="h4">
        {t('workshop.lowStock.title')}
      </Title>
      {(brands.data ?? []).map((b) => (
        <BrandLowStock key={b.id} brandId={b.id} name={b.name} />
      ))}
    </Stack>
  );
}

function BrandLowStock({ brandId, name }: { brandId: string; name: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts = useLowStock(brandId);
  if (!parts.data?.length) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="sm" fw={600} mb={4}>
        {name}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('workshop.lowStock.part')}</Table.Th>
              <Table.Th ta="right">{t('workshop.lowStock.onHand')}</Table.Th>
              <Table.Th ta="right">{t('workshop.lowStock.needed')}</Table.Th>
              <Table.Th ta="right">{t('workshop.lowStock.onOrder')}</Table.Th>
              <Table.Th>{t('workshop.lowStock.next')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parts.data.map((p) => (
              <Table.Tr key={p.partId} data-testid="low-stock-part" data-reference={p.reference}>
                <Table.Td>
                  {p.reference} · {p.name}
                </Table.Td>
                <Table.Td ta="right">{p.stockOnHand}</Table.Td>
                <Table.Td ta="right">{p.neededByRepairs}</Table.Td>
                <Table.Td ta="right">{p.onOrder}</Table.Td>
                <Table.Td>{p.nextDelivery ? formatPlainDate(p.nextDelivery, locale) : t('workshop.lowStock.leadDays', { count: p.reorderLeadDays })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
