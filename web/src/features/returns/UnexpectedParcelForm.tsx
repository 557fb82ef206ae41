import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackageImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n';
import { useBrands } from '../brands';
import { useRecordUnexpectedParcel } from './returns.api';

/**
 * A parcel the counter cannot match to a return (no number, a wrong one): recorded with what can
 * be read on it, so nothing a customer sent is lost (issue 12, item 4).
 */
export function UnexpectedParcelForm({ labelText, onDone }: { labelText: string; onDone: () => void }) {
  const { t } = useTranslation();
  const brands = useBrands();
  const [brandId, setBrandId] = useState<string | null>(null);
  const [sender, setSender] = useState('');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [note, setNote] = useState('');
  const save = useRecordUnexpectedParcel();
  const submit = () =>
    save.mutate(
      { brandId: brandId ?? brands.data?.[0]?.id ?? '', labelText, sender, carrier, trackingNumber: tracking, note },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('receiving.unexpected.saved') });
          onDone();
        },
      },
    );
  const list = brands.data ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="unexpected-parcel">
      <Stack gap="sm">
        <Group gap={8}>
          <IconPackageImport size={18} />
          <Text fw={600}>{t('receiving.unexpected.title')}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('receiving.unexpected.hint')}
        </Text>
        {list.length > 1 && <Select label={t('receiving.unexpected.brand')} data={list.map((b) => ({ value: b.id, label: b.name }))} value={brandId ?? list[0]!.id} onChange={setBrandId} allowDeselect={false} />}
        <TextInput label={t('receiving.unexpected.sender')} value={sender} onChange={(e) => setSender(e.currentTarget.value)} data-testid="unexpected-sender" />
        <Group grow>
          <TextInput label={t('receiving.carrier')} value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)} />
          <TextInput label={t('receiving.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.currentTarget.value)} />
        </Group>
        <Textarea label={t('receiving.unexpected.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        {save.isError && <Alert color="red" variant="light">{errorMessage(t, save.error)}</Alert>}
        <Group>
          <Button onClick={submit} loading={save.isPending} data-testid="unexpected-save">
            {t('receiving.unexpected.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
