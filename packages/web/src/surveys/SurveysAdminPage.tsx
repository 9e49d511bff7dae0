import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSurveySettings } from '../api/surveys';
import { ErrorState } from '../components/ErrorState';
import { ListSkeleton } from '../views/ListSkeleton';
import { CsatSettingsForm } from './CsatSettingsForm';
import { NpsCampaigns } from './NpsCampaigns';

/** Admin → Surveys: CSAT and CES settings, and the NPS campaigns. */
export function SurveysAdminPage() {
  const { t } = useTranslation();
  const settings = useSurveySettings();
  return (
    <>
      <Text size="sm" c="dimmed">{t('surveys.intro')}</Text>
      {settings.isPending && <ListSkeleton rows={4} />}
      {settings.error && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <CsatSettingsForm key={settings.data.updatedAt} settings={settings.data} />}
      <NpsCampaigns />
    </>
  );
}
