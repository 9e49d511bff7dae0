import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder rows while the first page of a list loads. */
export function ListSkeleton({ rows = 12 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={10} p="md" role="status" aria-label={t('common.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} h={14} w={`${70 + ((i * 37) % 30)}%`} />
      ))}
    </Stack>
  );
}
