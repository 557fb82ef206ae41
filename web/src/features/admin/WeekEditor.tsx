import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type OpeningInterval, type Weekday } from '../../api/types';
import { useLocale } from '../../i18n';
import { minutesOfDay, normaliseTime, type CalendarFormValues } from './calendar-form';
import { weekdayName } from './calendar-labels';

interface Props {
  week: CalendarFormValues['week'];
  onChange: (week: CalendarFormValues['week']) => void;
  err: (path: string) => string | undefined;
}

const hhmm = (m: number) => (m >= 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** The interval an "add" button appends: an hour after the day's last one, or 09:00–17:00 on a closed day. */
function nextInterval(ivs: readonly OpeningInterval[]): OpeningInterval | null {
  const last = ivs[ivs.length - 1];
  if (!last) return { start: '09:00', end: '17:00' };
  const lastEnd = /^\d{2}:\d{2}$/.test(last.end) ? minutesOfDay(last.end) : 1440;
  if (lastEnd >= 1440) return null;
  const start = Math.min(lastEnd + 60, 1380);
  return { start: hhmm(start), end: hhmm(Math.min(start + 240, 1440)) };
}

/** Opening hours per weekday: several intervals a day, each in local wall time, '24:00' allowed as an end. */
export function WeekEditor({ week, onChange, err }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();

  const setDay = (day: Weekday, ivs: OpeningInterval[]) => onChange({ ...week, [day]: ivs });
  const setIv = (day: Weekday, i: number, patch: Partial<OpeningInterval>) => setDay(day, week[day].map((iv, j) => (j === i ? { ...iv, ...patch } : iv)));
  const copyMonday = () => {
    const mon = week.mon.map((iv) => ({ ...iv }));
    onChange({ ...week, tue: mon.map((iv) => ({ ...iv })), wed: mon.map((iv) => ({ ...iv })), thu: mon.map((iv) => ({ ...iv })), fri: mon.map((iv) => ({ ...iv })) });
  };

  return (
    <Stack gap="xs" data-testid="week-editor">
      {WEEKDAYS.map((day) => {
        const ivs = week[day];
        const next = nextInterval(ivs);
        // Messages under the row, not under each narrow time box.
        const messages = ivs.flatMap((iv, i) =>
          (['start', 'end'] as const).flatMap((k) => {
            const m = err(`definition.week.${day}.${i}.${k}`);
            return m ? [`${iv.start || '…'}–${iv.end || '…'}: ${m}`] : [];
          }),
        );
        const dayError = err(`definition.week.${day}`);
        return (
          <Stack key={day} gap={2} data-testid="week-day" data-day={day}>
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <Text w={104} size="sm" fw={500} pt={6} style={{ flex: 'none' }}>
                {weekdayName(day, locale, 'long')}
              </Text>
              <Group gap="xs" style={{ flex: 1 }} align="flex-start">
                {ivs.length === 0 && (
                  <Text size="sm" c="dimmed" pt={6} fs="italic" data-testid="week-day-closed">
                    {t('calendars.closedDay')}
                  </Text>
                )}
                {ivs.map((iv, i) => (
                  <Group key={i} gap={4} wrap="nowrap" align="flex-start" data-testid="week-interval" bg="gray.0" px={4} py={2} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                    <TextInput
                      w={68}
                      size="xs"
                      placeholder="09:00"
                      maxLength={5}
                      inputMode="numeric"
                      value={iv.start}
                      onChange={(e) => setIv(day, i, { start: e.currentTarget.value })}
                      onBlur={(e) => setIv(day, i, { start: normaliseTime(e.currentTarget.value) })}
                      error={!!err(`definition.week.${day}.${i}.start`)}
                      aria-label={t('calendars.intervalStart', { day: weekdayName(day, locale, 'long'), n: i + 1 })}
                      data-testid="interval-start"
                    />
                    <Text size="sm" pt={4}>
                      –
                    </Text>
                    <TextInput
                      w={68}
                      size="xs"
                      placeholder="18:00"
                      maxLength={5}
                      inputMode="numeric"
                      value={iv.end}
                      onChange={(e) => setIv(day, i, { end: e.currentTarget.value })}
                      onBlur={(e) => setIv(day, i, { end: normaliseTime(e.currentTarget.value) })}
                      error={!!err(`definition.week.${day}.${i}.end`)}
                      aria-label={t('calendars.intervalEnd', { day: weekdayName(day, locale, 'long'), n: i + 1 })}
                      data-testid="interval-end"
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      mt={3}
                      onClick={() => setDay(day, ivs.filter((_, j) => j !== i))}
                      aria-label={t('calendars.removeInterval')}
                      data-testid="interval-remove"
                    >
                      <IconX size={14} />
                    </ActionIcon>
                  </Group>
                ))}
                {next && (
                  <Tooltip label={t('calendars.addInterval')} withArrow openDelay={300}>
                    <ActionIcon variant="light" size="md" mt={2} onClick={() => setDay(day, [...ivs, next])} aria-label={t('calendars.addInterval')} data-testid="interval-add">
                      <IconPlus size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
            {[...(dayError ? [dayError] : []), ...messages].map((m) => (
              <Text key={m} size="xs" c="red.7" pl={116} role="alert">
                {m}
              </Text>
            ))}
          </Stack>
        );
      })}
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {t('calendars.weekHelp')}
        </Text>
        <Button variant="subtle" size="xs" color="gray" leftSection={<IconCopy size={14} />} onClick={copyMonday} data-testid="week-copy-monday">
          {t('calendars.copyMonday')}
        </Button>
      </Group>
    </Stack>
  );
}
