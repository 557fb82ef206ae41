import { Alert, Anchor, Button, Checkbox, FileInput, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBarcode, IconCamera, IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { errorMessage, pickLocalised, useLocale } from '../../i18n';
import { PageHeader, usePageTitle } from '../common';
import { uploadAttachment } from '../tickets';
import { UnexpectedParcelForm } from './UnexpectedParcelForm';
import { accessoryName, lookupReturn, type Return, useRefuseParcel, useReturnEvent } from './returns.api';

/**
 * The receiving desk (issue 12), built for a counter with a barcode scanner: the scanner types the
 * number and Enter. The check digit catches a mistyped number and says so; the expected units
 * appear with their accessories to tick; recording the parcel puts the return on hold when one is
 * missing (the customer is told what); a parcel sent cash on delivery is refused with its reason.
 */
export function ReceivingPage() {
  const { t } = useTranslation();
  usePageTitle(t('receiving.title'));
  const input = useRef<HTMLInputElement>(null);
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<Return | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  // A number that leads to no return (or none at all): the parcel is recorded, never lost.
  const [unmatched, setUnmatched] = useState(false);
  useEffect(() => input.current?.focus(), []);

  const find = async () => {
    if (!number.trim()) return;
    setLooking(true);
    setError(null);
    setUnmatched(false);
    try {
      setFound(await lookupReturn(number.trim()));
    } catch (err) {
      setFound(null);
      setError(errorMessage(t, err));
      setUnmatched(isApiError(err) && (err.code === 'TICKET_NOT_FOUND' || err.code === 'RMA_NOT_FOUND'));
    } finally {
      setLooking(false);
    }
  };
  const done = () => {
    setFound(null);
    setUnmatched(false);
    setError(null);
    setNumber('');
    input.current?.focus();
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('receiving.title')} subtitle={t('receiving.subtitle')} />
      <Paper withBorder radius="md" p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              ref={input}
              label={t('receiving.scan')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              leftSection={<IconBarcode size={16} />}
              autoComplete="off"
              spellCheck={false}
              ff="monospace"
              style={{ flex: '1 1 16rem' }}
              data-testid="receiving-number"
              error={error}
            />
            <Button type="submit" loading={looking} data-testid="receiving-find">
              {t('receiving.find')}
            </Button>
          </Group>
        </form>
      </Paper>
      {found && <Parcel key={found.id + found.state} rma={found} onDone={done} onChange={setFound} />}
      {unmatched && <UnexpectedParcelForm labelText={number.trim()} onDone={done} />}
    </Stack>
  );
}

function Parcel({ rma, onDone, onChange }: { rma: Return; onDone: () => void; onChange: (r: Return) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const receive = useReturnEvent(rma.ticketId);
  const refuse = useRefuseParcel(rma.ticketId);
  const [ticked, setTicked] = useState<Record<string, string[]>>(() => Object.fromEntries(rma.lines.map((l) => [l.unitId, l.accessoriesReceived])));
  const [condition, setCondition] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const waiting = rma.state === 'awaiting_parcel' || rma.state === 'on_hold';

  const record = async () => {
    setError(null);
    let photoIds: string[] = [];
    if (photos.length) {
      setUploading(true);
      try {
        photoIds = (await Promise.all(photos.map((f) => uploadAttachment(f)))).map((a) => a.id);
      } catch (err) {
        setError(errorMessage(t, err));
        return;
      } finally {
        setUploading(false);
      }
    }
    receive.mutate(
      {
        ...(photoIds.length ? { photoIds } : {}),
        event: rma.state === 'on_hold' ? 'complete_accessories' : 'receive',
        received: rma.lines.map((l) => ({ unitId: l.unitId, accessories: ticked[l.unitId] ?? [], ...(condition[l.unitId]?.trim() ? { condition: condition[l.unitId]!.trim() } : {}) })),
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: r.state === 'on_hold' ? 'orange' : 'teal', message: t(r.state === 'on_hold' ? 'receiving.onHold' : 'receiving.received') });
          if (r.state === 'on_hold') onChange(r);
          else onDone();
        },
        onError: (err) => setError(errorMessage(t, err)),
      },
    );
  };
  const refuseCod = () =>
    refuse.mutate(
      { reason: t('receiving.refuseReason'), cashOnDelivery: true },
      {
        onSuccess: () => {
          notifications.show({ color: 'orange', message: t('receiving.refused') });
          onDone();
        },
        onError: (err) => setError(errorMessage(t, err)),
      },
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="receiving-parcel" data-state={rma.state}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} ff="monospace">
            {t('rma.number', { number: rma.number })} · {t(`rma.state.${rma.state}`)}
          </Text>
          <Anchor component={Link} to={`/agent/tickets/${rma.ticketId}`} size="sm">
            {t('receiving.open')}
          </Anchor>
        </Group>
        {!waiting && <Alert color="orange" variant="light">{t('receiving.notWaiting', { state: t(`rma.state.${rma.state}`) })}</Alert>}
        <Text size="sm" fw={500}>
          {t('receiving.expected')}
        </Text>
        {rma.lines.map((l) => (
          <Paper key={l.unitId} withBorder radius="sm" p="sm" data-testid="receiving-line" data-serial={l.serial}>
            <Stack gap="xs">
              <Text size="sm">
                {pickLocalised(l.model.name, locale)} <Text span ff="monospace" size="sm" c="dimmed">{l.serial}</Text>
              </Text>
              {l.accessoriesExpected.length > 0 && (
                <Checkbox.Group label={t('receiving.ticked')} value={ticked[l.unitId] ?? []} onChange={(v) => setTicked((s) => ({ ...s, [l.unitId]: v }))}>
                  <Group gap="md" mt={4}>
                    {l.accessoriesExpected.map((a) => (
                      <Checkbox key={a} value={a} label={accessoryName(l, a, locale)} disabled={!waiting} data-testid={`receiving-accessory-${a}`} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
              <Textarea
                label={t('receiving.condition')}
                autosize
                minRows={1}
                value={condition[l.unitId] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setCondition((s) => ({ ...s, [l.unitId]: v }));
                }}
                disabled={!waiting}
              />
            </Stack>
          </Paper>
        ))}
        {waiting && (
          <FileInput
            label={t('receiving.photos')}
            placeholder={t('receiving.photosHint')}
            accept="image/png,image/jpeg,image/webp"
            multiple
            clearable
            value={photos}
            onChange={setPhotos}
            leftSection={<IconCamera size={16} />}
            data-testid="receiving-photos"
          />
        )}
        {error && (
          <Alert color="red" variant="light" data-testid="receiving-error">
            {error}
          </Alert>
        )}
        {waiting && (
          <Group gap="sm">
            <Button leftSection={<IconCheck size={16} />} loading={receive.isPending || uploading} onClick={() => void record()} data-testid="receiving-record">
              {t('receiving.receive')}
            </Button>
            {rma.state === 'awaiting_parcel' && (
              <Button variant="light" color="red" leftSection={<IconX size={16} />} loading={refuse.isPending} onClick={refuseCod} data-testid="receiving-refuse-cod">
                {t('receiving.refuseCod')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
