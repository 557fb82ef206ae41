import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrorMessage, pickLocalised, useLocale } from '../../i18n';
import { isApiError } from '../../api/client';
import type { Return } from '../returns';
import { useDiagnose, useModelParts } from './workshop.api';

/**
 * A technician's diagnosis of one unit of the return (issue 13, item 1): findings, fault code,
 * repairable or not, damage found (which the warranty then excludes), labour and the model's parts.
 */
export function DiagnosisForm({ ticketId, line }: { ticketId: string; line: Return['lines'][number] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const diagnose = useDiagnose(ticketId);
  const parts = useModelParts(line.model.code);
  const [findings, setFindings] = useState('');
  const [faultCode, setFaultCode] = useState('');
  const [repairable, setRepairable] = useState(true);
  const [damage, setDamage] = useState(false);
  const [unused, setUnused] = useState(false);
  const [minutes, setMinutes] = useState<number>(30);
  const [chosen, setChosen] = useState<{ partId: string; quantity: number }[]>([]);
  const [adding, setAdding] = useState<string | null>(null);
  const err = diagnose.error;
  const field = (name: string) => {
    const fe = isApiError(err) ? err.errors.find((e) => e.field === name) : undefined;
    return fe ? fieldErrorMessage(t, fe.code) : undefined;
  };
  const options = (parts.data ?? []).filter((p) => !chosen.some((c) => c.partId === p.id)).map((p) => ({ value: p.id, label: `${p.reference} · ${pickLocalised(p.name, locale)} (${t('workshop.diagnosis.inStock', { count: p.stockOnHand })})` }));
  const nameOf = (id: string) => {
    const p = parts.data?.find((x) => x.id === id);
    return p ? `${p.reference} · ${pickLocalised(p.name, locale)}` : id;
  };
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="diagnosis-form" data-serial={line.serial}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('workshop.diagnosis.title', { serial: line.serial })}
        </Text>
        <Textarea label={t('workshop.diagnosis.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} autosize minRows={2} error={field('findings')} data-testid="diagnosis-findings" />
        <Group grow align="flex-start">
          <TextInput label={t('workshop.diagnosis.faultCode')} value={faultCode} onChange={(e) => setFaultCode(e.currentTarget.value)} maxLength={40} />
          <NumberInput label={t('workshop.diagnosis.labourMinutes')} value={minutes} onChange={(v) => setMinutes(typeof v === 'number' ? v : 0)} min={0} max={10_000} step={15} error={field('labourMinutes')} data-testid="diagnosis-minutes" />
        </Group>
        <Checkbox label={t('workshop.diagnosis.repairable')} checked={repairable} onChange={(e) => setRepairable(e.currentTarget.checked)} data-testid="diagnosis-repairable" />
        <Checkbox label={t('workshop.diagnosis.damage')} description={t('workshop.diagnosis.damageHint')} checked={damage} onChange={(e) => setDamage(e.currentTarget.checked)} data-testid="diagnosis-damage" />
        <Checkbox label={t('workshop.diagnosis.unused')} checked={unused} onChange={(e) => setUnused(e.currentTarget.checked)} data-testid="diagnosis-unused" />
        {chosen.map((c) => (
          <Group key={c.partId} gap="xs" wrap="nowrap">
            <Text size="sm" style={{ flex: 1 }}>
              {nameOf(c.partId)}
            </Text>
            <NumberInput w={80} size="xs" min={1} max={1000} value={c.quantity} onChange={(v) => setChosen(chosen.map((x) => (x.partId === c.partId ? { ...x, quantity: typeof v === 'number' ? v : 1 } : x)))} aria-label={t('workshop.diagnosis.quantity')} />
            <Button size="xs" variant="subtle" color="red" onClick={() => setChosen(chosen.filter((x) => x.partId !== c.partId))} aria-label={t('workshop.diagnosis.removePart')}>
              <IconTrash size={14} />
            </Button>
          </Group>
        ))}
        {options.length > 0 && (
          <Group gap="xs" align="flex-end">
            <Select style={{ flex: 1 }} label={t('workshop.diagnosis.parts')} data={options} value={adding} onChange={setAdding} searchable clearable error={field('parts')} data-testid="diagnosis-part" />
            <Button size="sm" variant="light" leftSection={<IconPlus size={14} />} disabled={!adding} onClick={() => adding && (setChosen([...chosen, { partId: adding, quantity: 1 }]), setAdding(null))} data-testid="diagnosis-add-part">
              {t('workshop.diagnosis.addPart')}
            </Button>
          </Group>
        )}
        {err && !field('findings') && (
          <Alert color="red" variant="light">
            {errorMessage(t, err)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            size="xs"
            loading={diagnose.isPending}
            data-testid="diagnosis-save"
            onClick={() => diagnose.mutate({ unitId: line.unitId, findings, ...(faultCode.trim() ? { faultCode } : {}), repairable, customerDamage: damage, labourMinutes: minutes, parts: chosen, unused })}
          >
            {t('workshop.diagnosis.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
