import { Alert, Badge, Button, FileInput, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCertificate, IconFileUpload, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsByPath, isApiError } from '../../api/errors';
import { errorMessage, fieldErrorMessage, formatPlainDate, pickLocalised, useLocale } from '../../i18n';
import { useBrands } from '../brands';
import { uploadAttachment } from '../tickets';
import { useRegisteredUnits, useRegisterUnit, OUTCOME_COLOR } from '../units';

const PROOF_STATUS_COLOR = { none: 'gray', uploaded: 'blue', validated: 'teal', rejected: 'red' } as const;

/**
 * Products the customer registered themselves (bought elsewhere, or before the shop's orders came
 * in), each with where its proof of purchase stands and what it is owed today; and the form to
 * register one with the invoice or receipt.
 */
export function RegisteredProducts() {
  const { t } = useTranslation();
  const locale = useLocale();
  const units = useRegisteredUnits();
  const [opened, setOpened] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>{t('register.listTitle')}</Text>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setOpened(true)} data-testid="register-product">
          {t('register.open')}
        </Button>
      </Group>
      {units.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('register.none')}
        </Text>
      )}
      {units.data?.map((u) => (
        <Paper key={u.id} withBorder radius="md" p="sm" data-testid="registered-unit" data-serial={u.serial}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Text size="sm">{pickLocalised(u.model.name, locale)}</Text>
              <Text size="xs" ff="monospace" c="dimmed">
                {u.serial}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge color={PROOF_STATUS_COLOR[u.proofStatus]} variant="light" radius="sm" tt="none" data-proof={u.proofStatus}>
                {t(`register.proof.${u.proofStatus}`)}
              </Badge>
              <Badge color={OUTCOME_COLOR[u.warranty.outcome]} variant="light" radius="sm" tt="none">
                {t(`warranty.outcome.${u.warranty.outcome}`)}
              </Badge>
              {u.warranty.endsOn && (
                <Text size="xs" c="dimmed">
                  {t('warranty.until', { date: formatPlainDate(u.warranty.endsOn, locale) })}
                </Text>
              )}
            </Group>
          </Group>
          {u.refusedBecause && (
            <Alert color="red" variant="light" mt="xs" p="xs" data-testid="proof-refused">
              <Text size="xs">{t('register.refusedBecause', { reason: u.refusedBecause })}</Text>
            </Alert>
          )}
        </Paper>
      ))}
      <RegisterModal opened={opened} onClose={() => setOpened(false)} />
    </Stack>
  );
}

function RegisterModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const brands = useBrands();
  const register = useRegisterUnit();
  const [brandId, setBrandId] = useState<string | null>(null);
  const [serial, setSerial] = useState('');
  const [purchasedOn, setPurchasedOn] = useState('');
  const [deliveredOn, setDeliveredOn] = useState('');
  const [proof, setProof] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const brand = brandId ?? (brands.data?.length === 1 ? brands.data[0]!.id : null);

  const close = () => {
    setSerial('');
    setPurchasedOn('');
    setDeliveredOn('');
    setProof(null);
    setErrors({});
    setFormError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!brand) missing.brandId = fieldErrorMessage(t, 'required');
    if (!serial.trim()) missing.serial = fieldErrorMessage(t, 'required');
    if (!purchasedOn) missing.purchasedOn = fieldErrorMessage(t, 'required');
    if (!proof) missing.proofAttachmentId = fieldErrorMessage(t, 'required');
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length) return;
    try {
      setUploading(true);
      const file = await uploadAttachment(proof!);
      await register.mutateAsync({ brandId: brand!, serial: serial.trim(), purchasedOn, deliveredOn: deliveredOn || null, proofAttachmentId: file.id });
      close();
    } catch (err) {
      if (isApiError(err) && err.errors?.length) {
        const byField: Record<string, string> = {};
        for (const [k, fe] of Object.entries(fieldErrorsByPath(err.errors))) byField[k === 'file' ? 'proofAttachmentId' : k] = fieldErrorMessage(t, fe.code);
        setErrors(byField);
        if (err.code === 'UNIT_ALREADY_REGISTERED') setFormError(errorMessage(t, err));
      } else setFormError(errorMessage(t, err));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('register.title')} centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('register.explain')}
          </Text>
          {(brands.data?.length ?? 0) > 1 && (
            <Select label={t('register.brand')} data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brand} onChange={setBrandId} error={errors.brandId} required />
          )}
          <TextInput label={t('register.serial')} description={t('register.serialHint')} value={serial} onChange={(e) => setSerial(e.currentTarget.value)} error={errors.serial} required ff="monospace" data-testid="register-serial" />
          <Group grow align="flex-start">
            <TextInput type="date" label={t('register.purchasedOn')} value={purchasedOn} onChange={(e) => setPurchasedOn(e.currentTarget.value)} error={errors.purchasedOn} required data-testid="register-purchased" />
            <TextInput type="date" label={t('register.deliveredOn')} value={deliveredOn} onChange={(e) => setDeliveredOn(e.currentTarget.value)} error={errors.deliveredOn} />
          </Group>
          <FileInput
            label={t('register.proofLabel')}
            description={t('register.proofHint')}
            accept="application/pdf,image/jpeg,image/png,image/webp,image/heic"
            value={proof}
            onChange={setProof}
            error={errors.proofAttachmentId}
            leftSection={<IconFileUpload size={16} />}
            required
            clearable
            data-testid="register-proof"
          />
          {formError && (
            <Alert color="red" variant="light" data-testid="register-error">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={uploading || register.isPending} leftSection={<IconCertificate size={16} />} data-testid="register-submit">
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
