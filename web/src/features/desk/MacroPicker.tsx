import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMacros } from './macros.api';

/** "Apply a macro…": the macros of a brand the agent may use (the ticket page, the queue's bulk bar). */
export function MacroPicker({ brandId, onPick, disabled, size = 'xs' }: { brandId?: string | undefined; onPick: (macroId: string) => void; disabled?: boolean; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const macros = useMacros(brandId);
  return (
    <Select
      aria-label={t('macros.apply')}
      placeholder={t('macros.apply')}
      data={(macros.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
      value={null}
      onChange={(v) => v && onPick(v)}
      searchable
      nothingFoundMessage={t('macros.none')}
      w={190}
      size={size}
      disabled={disabled}
      data-testid="macro-picker"
    />
  );
}
