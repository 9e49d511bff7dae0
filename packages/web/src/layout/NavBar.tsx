import { NavLink as RouterLink, useLocation } from 'react-router';
import { Badge, Divider, NavLink, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { IconBook2, IconBuilding, IconChartBar, IconChevronRight, IconPlus, IconSettings, IconShieldLock, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countLabel, useViewCounts, useViews, viewName } from '../api/views';
import type { View } from '../api/types';
import { useFormat, useSession } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { ChatNav } from '../chat/ChatNav';

function ViewLink({ view, count, onNavigate }: { view: View; count: string; onNavigate(): void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const to = `/views/${encodeURIComponent(view.id)}`;
  const active = pathname === to || (pathname === '/' && view.id === 'my_open');
  const name = viewName(view, t);
  return (
    <NavLink
      component={RouterLink}
      to={to}
      onClick={onNavigate}
      active={active}
      label={name}
      aria-label={count ? t('nav.viewWithCount', { name, count }) : name}
      rightSection={count ? <Badge variant={active ? 'filled' : 'light'} color="gray" size="sm" aria-hidden>{count}</Badge> : null}
      py={4}
    />
  );
}

function Section({ title }: { title: string }) {
  return (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={2}>
      {title}
    </Text>
  );
}

/** The left navigation: views with live counts, then customers, organizations and admin. */
export function NavBar({ onNavigate }: { onNavigate(): void }) {
  const { t } = useTranslation();
  const { isAdmin, canWrite } = useSession();
  const format = useFormat();
  const views = useViews();
  const counts = useViewCounts();
  const count = (v: View) => countLabel(counts.data?.counts[v.id], counts.data?.cap, format.number);
  const all = views.data ?? [];
  const builtin = all.filter((v) => v.builtin && !v.id.startsWith('team:'));
  const teams = all.filter((v) => v.builtin && v.id.startsWith('team:'));
  const mine = all.filter((v) => !v.builtin && v.scope === 'personal');
  const shared = all.filter((v) => !v.builtin && v.scope !== 'personal');

  return (
    <Stack gap={0} h="100%" component="nav" aria-label={t('nav.main')}>
      <ScrollArea style={{ flex: 1 }} type="hover">
        <ChatNav onNavigate={onNavigate} />
        <Section title={t('nav.views')} />
        {views.isPending && <Stack gap={6} px="sm">{[0, 1, 2, 3, 4, 5].map((i) => <Skeleton key={i} h={18} />)}</Stack>}
        {views.error && <ErrorState compact error={views.error} onRetry={() => void views.refetch()} />}
        {builtin.map((v) => <ViewLink key={v.id} view={v} count={count(v)} onNavigate={onNavigate} />)}
        {teams.length > 0 && <Section title={t('nav.teams')} />}
        {teams.map((v) => <ViewLink key={v.id} view={v} count={count(v)} onNavigate={onNavigate} />)}
        {shared.length > 0 && <Section title={t('nav.sharedViews')} />}
        {shared.map((v) => <ViewLink key={v.id} view={v} count={count(v)} onNavigate={onNavigate} />)}
        {(mine.length > 0 || canWrite) && <Section title={t('nav.myViews')} />}
        {mine.map((v) => <ViewLink key={v.id} view={v} count={count(v)} onNavigate={onNavigate} />)}
        {canWrite && (
          <NavLink component={RouterLink} to="/views/new" onClick={onNavigate} label={t('nav.newView')} leftSection={<IconPlus size={14} />} py={4} c="dimmed" />
        )}
        <Divider my="xs" />
        <NavLink component={RouterLink} to="/customers" onClick={onNavigate} label={t('nav.customers')} leftSection={<IconUsers size={16} />} py={4} />
        <NavLink component={RouterLink} to="/organizations" onClick={onNavigate} label={t('nav.organizations')} leftSection={<IconBuilding size={16} />} py={4} />
        <NavLink component={RouterLink} to="/reports" onClick={onNavigate} label={t('reports.nav')} leftSection={<IconChartBar size={16} />} py={4} />
        <NavLink component={RouterLink} to="/knowledge" onClick={onNavigate} label={t('kb.nav')} leftSection={<IconBook2 size={16} />} py={4} />
      </ScrollArea>
      <Divider />
      {isAdmin && (
        <NavLink component={RouterLink} to="/admin" onClick={onNavigate} label={t('nav.admin')} leftSection={<IconShieldLock size={16} />} rightSection={<IconChevronRight size={14} />} py={6} />
      )}
      <NavLink component={RouterLink} to="/settings" onClick={onNavigate} label={t('nav.settings')} leftSection={<IconSettings size={16} />} rightSection={<IconChevronRight size={14} />} py={6} />
    </Stack>
  );
}
