import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A quiet spinner for a page or section that is loading. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100%" mih={160} role="status" aria-label={t('common.loading')}>
      <Loader size="sm" type="dots" />
    </Center>
  );
}
