import { Anchor, Breadcrumbs, Grid, Group, NativeSelect, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { STAFF_CHANNELS, TICKET_PRIORITIES, type TicketPriority } from '../../api/types';
import { fieldErrorMessage } from '../../i18n';
import { useBrands } from '../brands';
import { ErrorState, PageLoader, usePageTitle, PageHeader } from '../common';
import { CHANNEL_ICON, EMPTY_REQUESTER, RequesterFields, validateRequester, type RequesterDraft, TicketFields, useTicketForm, creationMailNotice, isPending, TicketFormFooter } from '../tickets';
import { api, ok } from '../../api/client';

type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** The new ticket's mails, looked at a few times while the first one still waits for its sending job. */
async function creationMails(ticketId: string) {
  for (let attempt = 0; ; attempt++) {
    const { items } = await ok(api.GET('/api/v1/tickets/{id}/mails', { params: { path: { id: ticketId } } }));
    if (!items.some(isPending) || attempt >= 4) return items;
    await new Promise((r) => setTimeout(r, 750));
  }
}

/** An agent logs a phone, fax, postal, on-site or e-mail request on behalf of a customer (SPEC §3). */
export function NewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('newTicket.title'));
  const brands = useBrands();
  const [brandId, setBrandId] = useState<string | null>(null);
  const [channel, setChannel] = useState<StaffChannel>('phone');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [requester, setRequester] = useState<RequesterDraft>(EMPTY_REQUESTER);
  const [requesterErrors, setRequesterErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!brandId && brands.data?.length === 1) setBrandId(brands.data[0]?.id ?? null);
  }, [brands.data, brandId]);

  const brand = brands.data?.find((b) => b.id === brandId);
  const form = useTicketForm(brand);

  if (brands.isPending) return <PageLoader />;
  if (brands.isError) return <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />;

  const checkRequester = () => {
    const errs = validateRequester(requester);
    if (!brandId) errs.brandId = 'required';
    return errs;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = checkRequester();
    setRequesterErrors(errs);
    if (!brand) return;
    form.submit(
      {
        channel,
        priority,
        requesterEmail: requester.email.trim(),
        requesterName: requester.name.trim(),
        ...(requester.locale ? { requesterLocale: requester.locale } : {}),
      },
      errs,
      (ticket) => {
        // The confirmation mail is worded from its recorded state once its sending job has run, never assumed sent (issue 14).
        const id = notifications.show({ color: 'teal', icon: <IconCheck size={16} />, title: t('newTicket.created', { number: ticket.number }), message: t('newTicket.mail.checking'), loading: true, autoClose: false });
        void creationMails(ticket.id).then(
          (mails) => notifications.update({ id, loading: false, message: creationMailNotice(t, mails), autoClose: 8000 }),
          () => notifications.update({ id, loading: false, message: t('newTicket.mail.unknown'), autoClose: 8000 }),
        );
        void navigate(`/agent/tickets/${ticket.id}`);
      },
    );
  };

  const errorFor = (path: string) => {
    const code = requesterErrors[path] ?? form.errors[path];
    return code ? fieldErrorMessage(t, code) : undefined;
  };

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/agent" size="sm">
          {t('nav.queue')}
        </Anchor>
        <Text size="sm">{t('nav.newTicket')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('newTicket.title')} subtitle={t('newTicket.subtitle')} />

      <form onSubmit={submit} noValidate>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="md" p="lg">
              <Stack gap="md">
                <Text fw={600}>{t('newTicket.requesterSection')}</Text>
                <RequesterFields
                  value={requester}
                  onChange={setRequester}
                  errors={{ ...form.errors, ...requesterErrors }}
                  hint={t('newTicket.requesterHint')}
                  defaultLocale={brand?.defaultLocale}
                />
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    {t('newTicket.channel')}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    orientation="vertical"
                    value={channel}
                    onChange={(v) => setChannel(v as StaffChannel)}
                    data={STAFF_CHANNELS.map((c) => {
                      const Icon = CHANNEL_ICON[c];
                      return {
                        value: c,
                        label: (
                          <Group gap={6} wrap="nowrap" justify="center">
                            <Icon size={16} />
                            <span>{t(`channel.${c}`)}</span>
                          </Group>
                        ),
                      };
                    })}
                    data-testid="channel-select"
                  />
                </div>
                <NativeSelect
                  label={t('ticket.priority')}
                  data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                  value={priority}
                  onChange={(e) => setPriority(e.currentTarget.value as TicketPriority)}
                  data-testid="priority-input"
                />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder radius="md" p="lg">
              <Stack gap="md">
                <Text fw={600}>{t('newTicket.requestSection')}</Text>
                <Select
                  label={t('ticket.brand')}
                  placeholder={t('newTicket.chooseBrand')}
                  withAsterisk
                  data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                  value={brandId}
                  onChange={setBrandId}
                  error={errorFor('brandId')}
                  maw={360}
                  data-testid="brand-select"
                />
                {brand ? (
                  <TicketFields brand={brand} draft={form.draft} onChange={form.setDraft} errors={form.errors} uploads={form.uploads} disabled={form.create.isPending} />
                ) : (
                  <Text c="dimmed" size="sm" py="xl" ta="center">
                    {t('newTicket.chooseBrandFirst')}
                  </Text>
                )}
                <TicketFormFooter form={form} cancelTo="/agent" submitLabel={t('newTicket.submit')} />
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      </form>
    </Stack>
  );
}
