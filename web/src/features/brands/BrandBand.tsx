import { Box, Group, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Brand } from '../../api/types';
import { useBrands } from './brands.api';

/**
 * A brand's look on its customers' pages (issue 14, item 6): a band in the brand's colour with its
 * logo and name, the text in the colour the server chose for it (black or white, whichever reads
 * at 4.5:1 or better). Shown when the reader is a customer of one brand that set a colour or a logo.
 */
export function BrandBand({ brand }: { brand?: Brand }) {
  const { t } = useTranslation();
  const { data: brands } = useBrands();
  const b = brand ?? (brands?.length === 1 ? brands[0] : undefined);
  if (!b || (!b.primaryColour && !b.logoUrl)) return null;
  const background = b.primaryColour ?? 'var(--mantine-color-white)';
  const color = b.primaryTextColour ?? 'var(--mantine-color-black)';
  return (
    <Box mb="md" px="md" py="sm" style={{ background, color, borderRadius: 'var(--mantine-radius-md)' }} data-testid="brand-band" data-colour={b.primaryColour ?? ''}>
      <Group gap="sm" wrap="nowrap">
        {b.logoUrl && (
          <Box bg="white" p={4} style={{ borderRadius: 6, lineHeight: 0 }}>
            <Image src={b.logoUrl} alt={t('brandAdmin.look.logoAlt', { brand: b.name })} h={32} w="auto" fit="contain" maw={160} />
          </Box>
        )}
        <Text fw={700} size="lg" style={{ color }}>
          {b.name}
        </Text>
      </Group>
    </Box>
  );
}
