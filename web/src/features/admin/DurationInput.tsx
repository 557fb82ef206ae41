import { Group, Input, NumberInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  description?: string;
  /** Minutes; null when empty. */
  value: number | null;
  onChange: (minutes: number | null) => void;
  error?: string;
  required?: boolean;
  testId: string;
}

type Part = number | '';

function split(value: number | null): { h: Part; m: Part } {
  if (value === null) return { h: '', m: '' };
  return { h: Math.floor(value / 60), m: value % 60 };
}

/** A working-time span typed as hours and minutes ("48 h", "8 h 45 min"); both empty means none. */
export function DurationInput({ label, description, value, onChange, error, required, testId }: Props) {
  const { t } = useTranslation();
  const [parts, setParts] = useState(() => split(value));

  // Follow a value set from outside (a reset), without fighting the user's typing.
  useEffect(() => {
    const { h, m } = parts;
    const own = h === '' && m === '' ? null : Number(h || 0) * 60 + Number(m || 0);
    if (own !== value) setParts(split(value));
  }, [value]);

  const change = (next: { h: Part; m: Part }) => {
    setParts(next);
    onChange(next.h === '' && next.m === '' ? null : Number(next.h || 0) * 60 + Number(next.m || 0));
  };
  const num = (v: string | number): Part => (v === '' ? '' : Math.max(0, Math.floor(Number(v))));

  return (
    <Input.Wrapper label={label} description={description} error={error} required={required} data-testid={testId}>
      <Group gap={6} wrap="nowrap" mt={description ? 4 : 0}>
        <NumberInput
          w={104}
          min={0}
          max={8784}
          allowDecimal={false}
          allowNegative={false}
          value={parts.h}
          onChange={(v) => change({ ...parts, h: num(v) })}
          rightSection={t('sla.unit.h')}
          rightSectionWidth={36}
          error={!!error}
          aria-label={`${label} (${t('sla.unit.hours')})`}
          data-testid={`${testId}-hours`}
        />
        <NumberInput
          w={96}
          min={0}
          max={59}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={parts.m}
          onChange={(v) => change({ ...parts, m: num(v) })}
          rightSection={t('sla.unit.min')}
          rightSectionWidth={40}
          error={!!error}
          aria-label={`${label} (${t('sla.unit.minutes')})`}
          data-testid={`${testId}-minutes`}
        />
      </Group>
    </Input.Wrapper>
  );
}
