import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Accordion, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconChartBar, IconDownload } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrands, useGroups } from '../brands';
import { PageHeader, Empty, ErrorState, TableSkeleton, usePageTitle } from '../common';
import { useLocale } from '../../i18n';
import type { UseQueryResult } from '@tanstack/react-query';
import { csvHref, REPORT_CHARTS, type ReportChart, type ReportChartData, type ReportFilters, useReportCharts } from './reports.api';
import { formatDay, formatHours, formatNumber } from './report-format';

/** Series colours: met in teal, breached in red, the rest from Mantine's palette. */
const AGENT_COLORS = ['blue.6', 'grape.6', 'orange.6', 'teal.6', 'pink.6', 'cyan.6', 'lime.7', 'indigo.6'];
/** Beyond this many people, the weekly chart would be unreadable: the table and the CSV hold them all. */
const MAX_AGENT_SERIES = AGENT_COLORS.length;

interface Column { key: string; label: string; numeric?: boolean }

/**
 * One chart: its title, a sentence saying what is counted, the chart (labelled for screen readers),
 * the same figures as a table, and the server's CSV of them. Each chart has its own request: it
 * shows a placeholder until its figures are in, and its own error with a retry.
 */
function ChartCard({ id, title, description, chart, query, href, columns, rows, children }: { id: string; title: string; description: string; chart: ReportChart; query: UseQueryResult<ReportChartData>; href: string; columns: Column[]; rows: ReactNode[][]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid={`report-${chart}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Title order={2} size="h4" id={`${id}-title`}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </div>
          <Button component="a" href={href} download size="xs" variant="light" leftSection={<IconDownload size={14} />} data-testid={`report-${chart}-csv`} aria-label={t('reports.downloadCsvOf', { chart: title })}>
            {t('reports.downloadCsv')}
          </Button>
        </Group>
        {query.isError && !query.data ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data ? (
          <TableSkeleton />
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            {t('reports.noData')}
          </Text>
        ) : (
          <>
            <div role="img" aria-label={t('reports.chartLabel', { chart: title, count: rows.length })} data-testid={`report-${chart}-chart`}>
              {children}
            </div>
            <Accordion variant="contained" chevronPosition="left">
              <Accordion.Item value="table">
                <Accordion.Control data-testid={`report-${chart}-table-toggle`}>{t('reports.showTable')}</Accordion.Control>
                <Accordion.Panel>
                  <Table.ScrollContainer minWidth={280}>
                    <Table striped withTableBorder fz="sm" data-testid={`report-${chart}-table`}>
                      <Table.Caption>{title}</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          {columns.map((c) => (
                            <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined} scope="col">
                              {c.label}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {rows.map((r, i) => (
                          <Table.Tr key={i}>
                            {r.map((cell, j) => (
                              <Table.Td key={j} ta={columns[j]?.numeric ? 'right' : undefined}>
                                {cell}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * A brand's reports for the head of after-sales (issue 14): backlog, service levels, channels,
 * products, time in status and workload, filtered by dates and group, each chart downloadable as
 * CSV. Agents see their brands; the figures count only the tickets they may see.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  usePageTitle(t('reports.title'));
  const brands = useBrands();
  const [brandChoice, setBrandChoice] = useState<string | null>(null);
  const brandId = brandChoice ?? brands.data?.[0]?.id ?? null;
  const groups = useGroups(brandId);
  const [filters, setFilters] = useState<ReportFilters>({});
  const charts = useReportCharts(brandId, filters);
  // The range and time zone the server settled on: the same in every chart's answer.
  const r = REPORT_CHARTS.map((c) => charts[c].data).find((d) => d !== undefined);
  const backlog = charts.backlog.data?.backlog ?? [];
  const sla = charts.sla.data?.sla ?? [];
  const channels = charts.channels.data?.channels ?? [];
  const products = charts.products.data?.products ?? [];
  const timeInStatus = charts['time-in-status'].data?.timeInStatus ?? [];
  const workload = charts.workload.data?.workload ?? [];
  const handled = charts.handled.data?.handled ?? [];
  // A legend of four long labels wraps to four lines on a phone: recharts needs its height given.
  const phone = useMediaQuery('(max-width: 36em)');
  const legendHeight = phone ? 96 : 48;
  const num = (n: number) => formatNumber(n, locale);
  const day = (d: string) => formatDay(d, locale, 'short');
  const week = (d: string) => t('reports.weekOf', { date: formatDay(d, locale, 'short') });
  const hours = (h: number) => formatHours(h, locale);
  const href = (chart: ReportChart) => csvHref(brandId ?? '', chart, { ...filters, from: filters.from ?? r?.from, to: filters.to ?? r?.to });

  const agents = [...new Map(handled.map((h) => [h.agentId, h.agentName])).entries()].slice(0, MAX_AGENT_SERIES);
  const handledWeeks = [...new Set(handled.map((h) => h.week))].map((w) => ({
    week: week(w),
    ...Object.fromEntries(agents.map(([id]) => [id, handled.find((h) => h.week === w && h.agentId === id)?.handled ?? 0])),
  }));
  const statusLabel = (s: string) => t(`status.${s}` as 'status.new');
  const channelLabel = (c: string) => t(`channel.${c}` as 'channel.email');
  const productLabel = (p: { modelCode: string | null; modelName: string | null }) => (p.modelCode ? `${p.modelName ?? p.modelCode} (${p.modelCode})` : t('reports.products.unknown'));

  return (
    <Stack gap="lg" data-testid="reports-page">
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('reports.filters.brand')}
            data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            value={brandId}
            onChange={(v) => {
              setBrandChoice(v);
              setFilters((f) => ({ ...f, groupId: undefined }));
            }}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
            data-testid="reports-brand"
          />
          <Select
            label={t('reports.filters.group')}
            placeholder={t('reports.filters.allGroups')}
            data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={filters.groupId ?? null}
            onChange={(v) => setFilters((f) => ({ ...f, groupId: v ?? undefined }))}
            clearable
            w={{ base: '100%', xs: 200 }}
            data-testid="reports-group"
          />
          <TextInput type="date" label={t('reports.filters.from')} value={filters.from ?? r?.from ?? ''} max={filters.to ?? r?.to} onChange={(e) => setFilters((f) => ({ ...f, from: e.currentTarget.value || undefined }))} w={{ base: '47%', xs: 170 }} data-testid="reports-from" />
          <TextInput type="date" label={t('reports.filters.to')} value={filters.to ?? r?.to ?? ''} min={filters.from ?? r?.from} onChange={(e) => setFilters((f) => ({ ...f, to: e.currentTarget.value || undefined }))} w={{ base: '47%', xs: 170 }} data-testid="reports-to" />
        </Group>
        {r && (
          <Text size="xs" c="dimmed" mt="xs" data-testid="reports-range">
            {t('reports.rangeNote', { from: formatDay(r.from, locale, 'long'), to: formatDay(r.to, locale, 'long'), zone: r.timeZone })}
          </Text>
        )}
      </Paper>

      {brands.isSuccess && brands.data.length === 0 ? (
        <Empty icon={<IconChartBar size={28} />} title={t('reports.noBrand')} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="reports-charts" aria-busy={REPORT_CHARTS.some((c) => charts[c].isFetching)}>
          <ChartCard
            id="backlog"
            chart="backlog"
            query={charts['backlog']}
            href={href('backlog')}
            title={t('reports.backlog.title')}
            description={t('reports.backlog.description')}
            columns={[{ key: 'day', label: t('reports.columns.day') }, { key: 'open', label: t('reports.columns.openTickets'), numeric: true }]}
            rows={backlog.map((b) => [formatDay(b.day, locale, 'medium'), num(b.open)])}
          >
            <LineChart
              h={240}
              data={backlog.map((b) => ({ day: day(b.day), open: b.open }))}
              dataKey="day"
              series={[{ name: 'open', label: t('reports.columns.openTickets'), color: 'blue.6' }]}
              curveType="linear"
              withDots={backlog.length <= 31}
              yAxisProps={{ allowDecimals: false }}
              valueFormatter={num}
              gridAxis="y"
              tickLine="none"
            />
          </ChartCard>

          <ChartCard
            id="sla"
            chart="sla"
            query={charts['sla']}
            href={href('sla')}
            title={t('reports.sla.title')}
            description={t('reports.sla.description')}
            columns={[
              { key: 'week', label: t('reports.columns.week') },
              { key: 'frm', label: t('reports.sla.firstResponseMet'), numeric: true },
              { key: 'frb', label: t('reports.sla.firstResponseBreached'), numeric: true },
              { key: 'rm', label: t('reports.sla.resolutionMet'), numeric: true },
              { key: 'rb', label: t('reports.sla.resolutionBreached'), numeric: true },
            ]}
            rows={sla.map((w) => [week(w.week), num(w.firstResponseMet), num(w.firstResponseBreached), num(w.resolutionMet), num(w.resolutionBreached)])}
          >
            <BarChart
              h={240}
              data={sla.map((w) => ({ ...w, week: day(w.week) }))}
              dataKey="week"
              type="stacked"
              yAxisProps={{ allowDecimals: false }}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: legendHeight }}
              valueFormatter={num}
              gridAxis="y"
              tickLine="none"
              series={[
                { name: 'firstResponseMet', label: t('reports.sla.firstResponseMet'), color: 'teal.6', stackId: 'first' },
                { name: 'firstResponseBreached', label: t('reports.sla.firstResponseBreached'), color: 'red.6', stackId: 'first' },
                { name: 'resolutionMet', label: t('reports.sla.resolutionMet'), color: 'teal.3', stackId: 'resolution' },
                { name: 'resolutionBreached', label: t('reports.sla.resolutionBreached'), color: 'red.3', stackId: 'resolution' },
              ]}
            />
          </ChartCard>

          <ChartCard
            id="channels"
            chart="channels"
            query={charts['channels']}
            href={href('channels')}
            title={t('reports.channels.title')}
            description={t('reports.channels.description')}
            columns={[{ key: 'channel', label: t('reports.columns.channel') }, { key: 'tickets', label: t('reports.columns.tickets'), numeric: true }]}
            rows={channels.map((c) => [channelLabel(c.channel), num(c.tickets)])}
          >
            <BarChart
              h={channels.length * 30 + 40}
              data={channels.map((c) => ({ channel: channelLabel(c.channel), tickets: c.tickets }))}
              dataKey="channel"
              orientation="vertical"
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 120 }}
              series={[{ name: 'tickets', label: t('reports.columns.tickets'), color: 'blue.6' }]}
              valueFormatter={num}
              gridAxis="x"
              tickLine="none"
            />
          </ChartCard>

          <ChartCard
            id="products"
            chart="products"
            query={charts['products']}
            href={href('products')}
            title={t('reports.products.title')}
            description={t('reports.products.description')}
            columns={[{ key: 'product', label: t('reports.columns.product') }, { key: 'tickets', label: t('reports.columns.tickets'), numeric: true }]}
            rows={products.map((p) => [productLabel(p), num(p.tickets)])}
          >
            <BarChart
              h={Math.max(160, Math.min(products.length, 12) * 32 + 40)}
              data={products.slice(0, 12).map((p) => ({ product: p.modelCode ?? t('reports.products.unknown'), tickets: p.tickets }))}
              dataKey="product"
              orientation="vertical"
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 96 }}
              series={[{ name: 'tickets', label: t('reports.columns.tickets'), color: 'violet.6' }]}
              valueFormatter={num}
              gridAxis="x"
              tickLine="none"
            />
          </ChartCard>

          <ChartCard
            id="time-in-status"
            chart="time-in-status"
            query={charts['time-in-status']}
            href={href('time-in-status')}
            title={t('reports.timeInStatus.title')}
            description={t('reports.timeInStatus.description')}
            columns={[
              { key: 'status', label: t('reports.columns.status') },
              { key: 'stays', label: t('reports.timeInStatus.stays'), numeric: true },
              { key: 'avg', label: t('reports.timeInStatus.average'), numeric: true },
              { key: 'median', label: t('reports.timeInStatus.median'), numeric: true },
            ]}
            rows={timeInStatus.map((s) => [statusLabel(s.status), num(s.stays), hours(s.averageHours), hours(s.medianHours)])}
          >
            <BarChart
              h={240}
              data={timeInStatus.map((s) => ({ status: statusLabel(s.status), averageHours: s.averageHours, medianHours: s.medianHours }))}
              dataKey="status"
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: 32 }}
              valueFormatter={hours}
              gridAxis="y"
              tickLine="none"
              series={[
                { name: 'averageHours', label: t('reports.timeInStatus.average'), color: 'orange.6' },
                { name: 'medianHours', label: t('reports.timeInStatus.median'), color: 'yellow.5' },
              ]}
            />
          </ChartCard>

          <ChartCard
            id="workload"
            chart="workload"
            query={charts['workload']}
            href={href('workload')}
            title={t('reports.workload.title')}
            description={t('reports.workload.description')}
            columns={[
              { key: 'agent', label: t('reports.columns.agent') },
              { key: 'open', label: t('reports.workload.open'), numeric: true },
              { key: 'handled', label: t('reports.workload.handled'), numeric: true },
            ]}
            rows={workload.map((w) => [w.agentName, num(w.openTickets), num(w.handled)])}
          >
            <BarChart
              h={Math.max(160, Math.min(workload.length, 12) * 40 + 60)}
              data={workload.slice(0, 12).map((w) => ({ agent: w.agentName, openTickets: w.openTickets, handled: w.handled }))}
              dataKey="agent"
              orientation="vertical"
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 110 }}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: 32 }}
              valueFormatter={num}
              gridAxis="x"
              tickLine="none"
              series={[
                { name: 'openTickets', label: t('reports.workload.open'), color: 'blue.6' },
                { name: 'handled', label: t('reports.workload.handled'), color: 'teal.6' },
              ]}
            />
          </ChartCard>

          <ChartCard
            id="handled"
            chart="handled"
            query={charts['handled']}
            href={href('handled')}
            title={t('reports.handled.title')}
            description={t('reports.handled.description')}
            columns={[{ key: 'week', label: t('reports.columns.week') }, { key: 'agent', label: t('reports.columns.agent') }, { key: 'handled', label: t('reports.workload.handled'), numeric: true }]}
            rows={handled.map((h) => [week(h.week), h.agentName, num(h.handled)])}
          >
            <BarChart
              h={260}
              data={handledWeeks}
              dataKey="week"
              type="stacked"
              yAxisProps={{ allowDecimals: false }}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: legendHeight }}
              valueFormatter={num}
              gridAxis="y"
              tickLine="none"
              series={agents.map(([id, name], i) => ({ name: id, label: name, color: AGENT_COLORS[i] }))}
            />
          </ChartCard>
        </SimpleGrid>
      )}
    </Stack>
  );
}
