import { Badge, Button, Checkbox, Group, Modal, Paper, Select, Stack, Table, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, TICKET_PRIORITIES, TICKET_STATUSES, type Locale } from '../../api/types';
import { errorMessage, fieldErrorMessage, LANGUAGE_NAMES } from '../../i18n';
import { isApiError } from '../../api/client';
import { useCurrentUser } from '../auth';
import { useBrands } from '../brands';
import { ListStates, PageHeader, usePageTitle } from '../common';
import { type Macro, type MacroBody, useDeleteMacro, useMacros, useSaveMacro } from './macros.api';

const VARIABLES = ['customer.name', 'ticket.number', 'ticket.subject', 'ticket.due', 'agent.name'];

/** Macros: a named set of ticket changes plus a reply per language (issue 14, item 3). */
export function MacrosPage() {
  const { t } = useTranslation();
  usePageTitle(t('macros.title'));
  const macros = useMacros();
  const brands = useBrands();
  const remove = useDeleteMacro();
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);
  const brandName = (id: string) => brands.data?.find((b) => b.id === id)?.name ?? '';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('macros.title')}
        subtitle={t('macros.subtitle')}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="macro-new">
            {t('macros.new')}
          </Button>
        }
      />
      <ListStates pending={macros.isPending} error={macros.error} onRetry={() => void macros.refetch()} isEmpty={(macros.data ?? []).length === 0} empty={<Text c="dimmed">{t('macros.empty')}</Text>}>
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" data-testid="macro-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('macros.name')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('macros.brand')}</Table.Th>
                <Table.Th>{t('macros.scope')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(macros.data ?? []).map((m) => (
                <Table.Tr key={m.id} data-testid="macro-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.name}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{brandName(m.brandId)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.shared ? 'blue' : 'gray'}>
                      {m.shared ? t('macros.shared') : t('macros.personal')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {m.editable && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(m)}>
                          {t('macros.edit')}
                        </Button>
                        <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} loading={remove.isPending && remove.variables === m.id} onClick={() => remove.mutate(m.id)}>
                          {t('macros.delete')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </ListStates>
      {editing && <MacroForm macro={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function MacroForm({ macro, onClose }: { macro: Macro | null; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const brands = useBrands();
  const save = useSaveMacro();
  const [body, setBody] = useState<MacroBody>(
    macro
      ? { brandId: macro.brandId, name: macro.name, shared: macro.shared, actions: macro.actions, reply: macro.reply, replyKind: macro.replyKind }
      : { brandId: brands.data?.[0]?.id ?? '', name: '', shared: false, actions: {}, reply: {}, replyKind: 'agent_reply' },
  );
  const [lang, setLang] = useState<Locale>(user.locale as Locale);
  const fieldError = (field: string) => {
    if (!isApiError(save.error)) return undefined;
    const e = save.error.errors.find((x) => x.field === field);
    if (!e) return undefined;
    return e.code === 'unknown_variable' || e.code === 'malformed_variable' ? t(`macros.${e.code}`, { known: VARIABLES.map((v) => `{{${v}}}`).join(', ') }) : fieldErrorMessage(t, e.code);
  };
  const actions = body.actions ?? {};
  return (
    <Modal opened onClose={onClose} title={macro ? t('macros.edit') : t('macros.new')} size="lg">
      <Stack gap="sm">
        <Select label={t('macros.brand')} data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={body.brandId} onChange={(v) => v && setBody({ ...body, brandId: v })} error={fieldError('brandId')} data-testid="macro-brand" />
        <TextInput label={t('macros.name')} value={body.name} onChange={(e) => setBody({ ...body, name: e.currentTarget.value })} error={fieldError('name')} required data-testid="macro-name" />
        {user.role === 'admin' && <Checkbox label={t('macros.shareWithBrand')} checked={!!body.shared} onChange={(e) => setBody({ ...body, shared: e.currentTarget.checked })} data-testid="macro-shared" />}
        <Group grow>
          <Select
            label={t('macros.setStatus')}
            placeholder={t('macros.unchanged')}
            clearable
            data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={actions.status ?? null}
            onChange={(v) => setBody({ ...body, actions: { ...actions, status: (v ?? undefined) as typeof actions.status } })}
            data-testid="macro-status"
          />
          <Select
            label={t('macros.setPriority')}
            placeholder={t('macros.unchanged')}
            clearable
            data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            value={actions.priority ?? null}
            onChange={(v) => setBody({ ...body, actions: { ...actions, priority: (v ?? undefined) as typeof actions.priority } })}
            data-testid="macro-priority"
          />
        </Group>
        <Select
          label={t('macros.replyKind')}
          data={[
            { value: 'agent_reply', label: t('composer.tab.agent_reply') },
            { value: 'internal_note', label: t('composer.tab.internal_note') },
          ]}
          value={body.replyKind ?? 'agent_reply'}
          onChange={(v) => v && setBody({ ...body, replyKind: v as 'agent_reply' | 'internal_note' })}
        />
        <Tabs value={lang} onChange={(v) => v && setLang(v as Locale)}>
          <Tabs.List>
            {LOCALES.map((l) => (
              <Tabs.Tab key={l} value={l} data-testid={`macro-lang-${l}`} c={fieldError(`reply.${l}`) ? 'red' : undefined}>
                {LANGUAGE_NAMES[l]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Textarea
          label={t('macros.replyIn', { language: LANGUAGE_NAMES[lang] })}
          description={t('macros.variables', { list: VARIABLES.map((v) => `{{${v}}}`).join(' ') })}
          autosize
          minRows={4}
          value={body.reply?.[lang] ?? ''}
          onChange={(e) => setBody({ ...body, reply: { ...body.reply, [lang]: e.currentTarget.value } })}
          error={fieldError(`reply.${lang}`)}
          data-testid="macro-reply"
        />
        {save.isError && (
          <Text c="red" size="sm" role="alert">
            {errorMessage(t, save.error)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate({ id: macro?.id ?? null, body }, { onSuccess: onClose })} data-testid="macro-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
