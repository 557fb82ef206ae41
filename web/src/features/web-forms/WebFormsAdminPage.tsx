import { Code, CopyButton, Button, Group, Paper, Select, Stack, Text, Title, Anchor } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBrands } from '../brands';
import { ErrorState, TableSkeleton, usePageTitle } from '../common';

/** Admin → Web forms: each brand's public form, and what to paste on the brand's site to embed it. */
export function WebFormsAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('webForms.admin.title'));
  const brands = useBrands();
  const [slug, setSlug] = useState<string | null>(null);
  const chosen = slug ?? brands.data?.[0]?.slug ?? null;
  const origin = window.location.origin;
  const page = chosen ? `${origin}/f/${chosen}` : '';
  const iframe = `<iframe src="${page}?embed=1" title="${t('webForms.admin.frameTitle')}" style="width:100%;min-height:720px;border:0" loading="lazy"></iframe>`;
  const script = `<script src="${origin}/f/embed.js" data-brand="${chosen ?? ''}" async></script>`;
  return (
    <Stack gap="lg" data-testid="web-forms-admin">
      <div>
        <Title order={1} size="h2">
          {t('webForms.admin.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('webForms.admin.subtitle')}
        </Text>
      </div>
      {brands.isPending && <TableSkeleton />}
      {brands.isError && <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />}
      {brands.data && (
        <>
          <Select
            label={t('webForms.admin.brand')}
            maw={320}
            data={brands.data.map((b) => ({ value: b.slug, label: b.name }))}
            value={chosen}
            onChange={setSlug}
            allowDeselect={false}
            data-testid="web-forms-brand"
          />
          <Snippet title={t('webForms.admin.page')} help={t('webForms.admin.pageHelp')} code={page} testId="snippet-page">
            <Anchor href={page} target="_blank" rel="noopener" size="sm">
              <Group gap={4}>
                <IconExternalLink size={14} />
                {t('webForms.admin.open')}
              </Group>
            </Anchor>
          </Snippet>
          <Snippet title={t('webForms.admin.iframe')} help={t('webForms.admin.iframeHelp')} code={iframe} testId="snippet-iframe" />
          <Snippet title={t('webForms.admin.script')} help={t('webForms.admin.scriptHelp')} code={script} testId="snippet-script" />
        </>
      )}
    </Stack>
  );
}

function Snippet({ title, help, code, testId, children }: { title: string; help: string; code: string; testId: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" maw={900}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Group gap="xs">
            {children}
            <CopyButton value={code}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" color={copied ? 'teal' : 'blue'} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
                  {copied ? t('webForms.admin.copied') : t('webForms.admin.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
        <Code block data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {code}
        </Code>
      </Stack>
    </Paper>
  );
}
