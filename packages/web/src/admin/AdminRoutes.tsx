import { NavLink as RouterLink, Navigate, Route, Routes } from 'react-router';
import { Group, NavLink, ScrollArea, Stack } from '@mantine/core';
import { IconMoodSmile } from '@tabler/icons-react';
import { IconAlarm, IconBolt, IconClock, IconForms, IconHeartbeat, IconHourglass, IconMail, IconMessageCircle, IconRobot, IconShieldLock, IconTags, IconUsers, IconUsersGroup, IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { NotFound } from '../components/NotFound';
import { ListHeader } from '../views/ListHeader';
import { AgentsPage } from './AgentsPage';
import { TeamsPage } from './TeamsPage';
import { RolesPage } from './RolesPage';
import { TicketFieldsPage } from './TicketFieldsPage';
import { TagsPage } from './TagsPage';
import { ChannelsPage } from './ChannelsPage';
import { MailHealthPage } from './MailHealthPage';
import { CalendarsPage } from './CalendarsPage';
import { SlaPoliciesPage } from './SlaPoliciesPage';
import { WebhooksPage } from './WebhooksPage';
import { ChatChannelsPage } from './ChatChannelsPage';
import { MacroListPage } from '../macros/MacroListPage';
import { RulesPage } from './automation/RulesPage';
import { SurveysAdminPage } from '../surveys/SurveysAdminPage';
import { HelpCenterAdminPage } from '../help-center/HelpCenterAdminPage';
import { IconLifebuoy } from '@tabler/icons-react';
import { WeeklySummaryPage } from '../staffing/WeeklySummaryPage';
import { BotSettingsPage } from '../bot/BotSettingsPage';
import { IconMailFast, IconMessageChatbot } from '@tabler/icons-react';

/** The admin area: agents, teams, roles, custom ticket fields, tags, business hours, SLA policies, shared macros, email channels and mail health. */
export function AdminRoutes() {
  const { t } = useTranslation();
  const { isAdmin } = useSession();
  if (!isAdmin) return <EmptyState title={t('admin.onlyAdmins')} />;
  return (
    <>
      <ListHeader title={t('nav.admin')} />
      <Group align="stretch" gap={0} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Stack gap={0} w={200} p="xs" component="nav" aria-label={t('nav.admin')} style={{ borderRight: '1px solid var(--mantine-color-gray-3)' }} bg="white">
          <NavLink component={RouterLink} to="/admin/agents" label={t('admin.agents')} leftSection={<IconUsers size={16} />} />
          <NavLink component={RouterLink} to="/admin/teams" label={t('admin.teams')} leftSection={<IconUsersGroup size={16} />} />
          <NavLink component={RouterLink} to="/admin/roles" label={t('admin.roles')} leftSection={<IconShieldLock size={16} />} />
          <NavLink component={RouterLink} to="/admin/fields" label={t('admin.fields')} leftSection={<IconForms size={16} />} />
          <NavLink component={RouterLink} to="/admin/tags" label={t('admin.tags')} leftSection={<IconTags size={16} />} />
          <NavLink component={RouterLink} to="/admin/calendars" label={t('calendars.title')} leftSection={<IconClock size={16} />} />
          <NavLink component={RouterLink} to="/admin/sla" label={t('sla.title')} leftSection={<IconAlarm size={16} />} />
          <NavLink component={RouterLink} to="/admin/macros" label={t('macros.adminNav')} leftSection={<IconBolt size={16} />} />
          <NavLink component={RouterLink} to="/admin/triggers" label={t('automation.trigger.title')} leftSection={<IconRobot size={16} />} />
          <NavLink component={RouterLink} to="/admin/automations" label={t('automation.schedule.title')} leftSection={<IconHourglass size={16} />} />
          <NavLink component={RouterLink} to="/admin/channels" label={t('channels.title')} leftSection={<IconMail size={16} />} />
          <NavLink component={RouterLink} to="/admin/chat-channels" label={t('chat.admin.title')} leftSection={<IconMessageCircle size={16} />} />
          <NavLink component={RouterLink} to="/admin/mail-health" label={t('mailHealth.title')} leftSection={<IconHeartbeat size={16} />} />
          <NavLink component={RouterLink} to="/admin/webhooks" label={t('webhooks.title')} leftSection={<IconWebhook size={16} />} />
          <NavLink component={RouterLink} to="/admin/surveys" label={t('surveys.title')} leftSection={<IconMoodSmile size={16} />} />
          <NavLink component={RouterLink} to="/admin/help-center" label={t('helpCenter.nav')} leftSection={<IconLifebuoy size={16} />} />
          <NavLink component={RouterLink} to="/admin/answer-bot" label={t('bot.nav')} leftSection={<IconMessageChatbot size={16} />} />
          <NavLink component={RouterLink} to="/admin/weekly-summary" label={t('staffing.summary.nav')} leftSection={<IconMailFast size={16} />} />
        </Stack>
        <ScrollArea style={{ flex: 1 }}>
          <Stack p="md" gap="md" maw={1100}>
            <Routes>
              <Route index element={<Navigate to="agents" replace />} />
              <Route path="agents" element={<AgentsPage />} />
              <Route path="teams" element={<TeamsPage />} />
              <Route path="roles" element={<RolesPage />} />
              <Route path="fields" element={<TicketFieldsPage />} />
              <Route path="tags" element={<TagsPage />} />
              <Route path="calendars" element={<CalendarsPage />} />
              <Route path="sla" element={<SlaPoliciesPage />} />
              <Route path="macros" element={<MacroListPage scope="shared" />} />
              <Route path="triggers" element={<RulesPage key="trigger" kind="trigger" />} />
              <Route path="automations" element={<RulesPage key="schedule" kind="schedule" />} />
              <Route path="channels" element={<ChannelsPage />} />
              <Route path="chat-channels" element={<ChatChannelsPage />} />
              <Route path="mail-health" element={<MailHealthPage />} />
              <Route path="webhooks" element={<WebhooksPage />} />
              <Route path="surveys" element={<SurveysAdminPage />} />
              <Route path="help-center" element={<HelpCenterAdminPage />} />
              <Route path="answer-bot" element={<BotSettingsPage />} />
              <Route path="weekly-summary" element={<WeeklySummaryPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Stack>
        </ScrollArea>
      </Group>
    </>
  );
}
