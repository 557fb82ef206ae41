import { Anchor, Grid, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingFactory2, IconCheck, IconInfoCircle, IconMail, IconPhone } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isPartner } from '../../api/types';
import { useCurrentUser } from '../auth';
import { useBrands } from '../brands';
import { EMPTY_REQUESTER, RequesterFields, validateRequester, type RequesterDraft, TicketFields, useTicketForm, TicketFormFooter } from '../tickets';
import { Empty, ErrorState, PageLoader, usePageTitle, PageHeader } from '../common';

export function PortalNewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('portal.openTitle'));
  const brands = useBrands();
  const [chosen, setChosen] = useState<string | null>(null);
  const brandId = chosen ?? (brands.data?.length === 1 ? (brands.data[0]?.id ?? null) : null);
  const brand = brands.data?.find((b) => b.id === brandId);
  const form = useTicketForm(brand);
  const user = useCurrentUser();
  const partner = isPartner(user.role);
  const [requester, setRequester] = useState<RequesterDraft>(EMPTY_REQUESTER);
  const [requesterErrors, setRequesterErrors] = useState<Record<string, string>>({});

  if (brands.isPending) return <PageLoader />;
  if (brands.isError) return <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />;
  if (brands.data.length === 0) return <Empty icon={<IconBuildingFactory2 size={28} />} title={t('portal.noBrands')} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = partner ? validateRequester(requester) : {};
    setRequesterErrors(errs);
    const extra = partner
      ? {
          requesterEmail: requester.email.trim(),
          requesterName: requester.name.trim(),
          ...(requester.locale ? { requesterLocale: requester.locale } : {}),
        }
      : {};
    form.submit(extra, errs, (ticket) => {
      notifications.show({ color: 'teal', icon: <IconCheck size={16} />, title: t('portal.created', { number: ticket.number }), message: t('portal.createdHint') });
      void navigate(`/portal/tickets/${ticket.id}`);
    });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('portal.openTitle')} subtitle={t('portal.openSubtitle')} />

      {brands.data.length > 1 && (
        <Paper withBorder radius="md" p="lg">
          <Radio.Group
            label={t('portal.chooseBrand')}
            value={brandId}
            onChange={(v) => {
              setChosen(v);
              form.create.reset();
            }}
            data-testid="brand-choice"
          >
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="sm">
              {brands.data.map((b) => (
                <Radio.Card key={b.id} value={b.id} radius="md" p="md" data-testid={`brand-${b.slug}`}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600} size="sm">
                        {b.name}
                      </Text>
                      {b.supportEmail && (
                        <Text size="xs" c="dimmed">
                          {b.supportEmail}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
        </Paper>
      )}

      {brand && (
        <form onSubmit={submit} noValidate>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Paper withBorder radius="md" p="lg">
                <Stack gap="md">
                  {partner && (
                    <>
                      <Text fw={600}>{t('portal.endCustomer')}</Text>
                      <RequesterFields
                        value={requester}
                        onChange={setRequester}
                        errors={{ ...form.errors, ...requesterErrors }}
                        hint={t('portal.endCustomerHint')}
                        defaultLocale={brand.defaultLocale}
                      />
                      <Text fw={600} mt="sm">
                        {t('newTicket.requestSection')}
                      </Text>
                    </>
                  )}
                  <TicketFields brand={brand} draft={form.draft} onChange={form.setDraft} errors={form.errors} uploads={form.uploads} disabled={form.create.isPending} />
                  <TicketFormFooter form={form} cancelTo="/portal" submitLabel={t('portal.submit')} />
                </Stack>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper withBorder radius="md" p="lg" bg="blue.0">
                <Stack gap="sm">
                  <Group gap="xs">
                    <IconInfoCircle size={18} />
                    <Text fw={600}>{t('portal.whatNext')}</Text>
                  </Group>
                  <Text size="sm">{t('portal.whatNextBody', { example: brand.ticketNumberExample })}</Text>
                  {(brand.phone || brand.supportEmail) && (
                    <Stack gap={4}>
                      <Text size="sm" fw={500}>
                        {t('portal.otherwise', { brand: brand.name })}
                      </Text>
                      {brand.phone && (
                        <Group gap={6}>
                          <IconPhone size={14} />
                          <Anchor size="sm" href={`tel:${brand.phone.replace(/[^+\d]/g, '')}`}>
                            {brand.phone}
                          </Anchor>
                        </Group>
                      )}
                      {brand.supportEmail && (
                        <Group gap={6}>
                          <IconMail size={14} />
                          <Anchor size="sm" href={`mailto:${brand.supportEmail}`}>
                            {brand.supportEmail}
                          </Anchor>
                        </Group>
                      )}
                    </Stack>
                  )}
                </Stack>
              </Paper>
            </Grid.Col>
          </Grid>
        </form>
      )}
    </Stack>
  );
}
