import { NavLink as RouterLink } from 'react-router';
import { Button, Group } from '@mantine/core';
import { IconChartBar, IconMoodSmile, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The report pages, in the order team leads use them. */
export const REPORT_PAGES = [
  { to: '/reports', labelKey: 'reports.links.kpis', icon: IconChartBar, end: true },
  { to: '/reports/surveys', labelKey: 'reports.links.surveys', icon: IconMoodSmile, end: false },
  { to: '/reports/agents', labelKey: 'reports.links.agents', icon: IconUsers, end: false },
  { to: '/reports/staffing', labelKey: 'reports.links.staffing', icon: IconUsersGroup, end: false },
] as const;

/** Links between the report pages; the current one is marked for assistive technology too. */
export function ReportLinks() {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t('reports.links.label')} gap={4}>
      {REPORT_PAGES.map(({ to, labelKey, icon: Icon, end }) => (
        <RouterLink key={to} to={to} end={end} style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button component="span" size="compact-sm" variant={isActive ? 'light' : 'subtle'} color={isActive ? undefined : 'gray'} leftSection={<Icon size={14} />}>
              {t(labelKey)}
            </Button>
          )}
        </RouterLink>
      ))}
    </Group>
  );
}
