import { ScrollArea, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { ReportLinks } from '../reports/ReportLinks';
import { ListHeader } from '../views/ListHeader';
import { ErlangCalculator } from './ErlangCalculator';
import { WeekPlan } from './WeekPlan';
import { ChannelSettings } from './ChannelSettings';

/** The staffing planner under `/reports/staffing`: the Erlang C calculator, the week plan and, for admins, the per-channel settings. */
export function StaffingPage() {
  const { t } = useTranslation();
  const { isAdmin } = useSession();
  return (
    <>
      <ListHeader title={t('staffing.title')} />
      <ScrollArea style={{ flex: 1 }}>
        <Stack p="md" gap="md" maw={1400}>
          <ReportLinks />
          <ErlangCalculator />
          <WeekPlan />
          {isAdmin && <ChannelSettings />}
        </Stack>
      </ScrollArea>
    </>
  );
}
