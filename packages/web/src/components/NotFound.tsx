import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

/** The page for URLs that lead nowhere. */
export function NotFound() {
  const { t } = useTranslation();
  return <EmptyState title={t('errors.pageNotFound')} action={<Anchor component={Link} to="/" size="sm">{t('nav.home')}</Anchor>} />;
}
