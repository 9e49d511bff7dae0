import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ActionIcon, Alert, Anchor, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowMerge, IconArrowUpRight, IconChevronDown, IconChevronUp, IconDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTicketFields } from '../api/directory';
import { useTicket, useMessages, useEvents } from '../api/tickets';
import { useUpdateTicket } from '../api/ticket-mutations';
import type { Ticket } from '../api/types';
import { useFormat, useSession } from '../auth/session';
import { ErrorState } from '../components/ErrorState';
import { PageLoader } from '../components/PageLoader';
import { NotFound } from '../components/NotFound';
import { ApiError } from '../api/errors';
import { ChatPanel } from '../chat/ChatPanel';
import { useTicketPresence } from '../realtime/RealtimeProvider';
import { useShortcuts } from '../shortcuts/ShortcutsProvider';
import { useTicketNavigation } from '../views/ticket-navigation';
import { toast } from '../lib/toast';
import { useStickToBottom } from '../lib/useStickToBottom';
import { Composer, type ComposerHandle } from './composer/Composer';
import { CustomerPanel } from './customer/CustomerPanel';
import { PropertiesPanel } from './sidebar/PropertiesPanel';
import { Thread } from './thread/Thread';
import { MergeIntoDialog } from './MergeIntoDialog';
import { EscalateDialog } from '../routing/EscalateDialog';
import { PresenceBar } from './PresenceBar';
import { SlaBadge } from './SlaBadge';
import { SubjectEditor } from './SubjectEditor';
import { TicketSurveys } from '../surveys/TicketSurveys';
import classes from './TicketPage.module.css';

/** The ticket workspace: properties | thread and composer | customer, with live presence. */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  return <TicketWorkspace key={ticketId} ticketId={ticketId} />;
}

function TicketWorkspace({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const { agent, canWrite, isAdmin, teamIds } = useSession();
  const ticket = useTicket(ticketId);
  const messages = useMessages(ticketId);
  const events = useEvents(ticketId);
  const fields = useTicketFields();
  const update = useUpdateTicket(ticketId);
  const viewers = useTicketPresence(ticketId);
  const nav = useTicketNavigation();
  const composer = useRef<ComposerHandle>(null);
  const threadBox = useRef<HTMLDivElement>(null);
  const threadContent = useRef<HTMLDivElement>(null);
  useStickToBottom(threadBox, threadContent);
  const [reviewedVersion, setReviewedVersion] = useState<number | null>(null);
  const [openedAt] = useState(() => new Date().toISOString());
  const [mergeOpen, setMergeOpen] = useState(false);
  const [escalateOpen, setEscalateOpen] = useState(false);
  const data = ticket.data;

  useEffect(() => {
    if (data && reviewedVersion === null) setReviewedVersion(data.version);
  }, [data, reviewedVersion]);

  useEffect(() => {
    if (data) document.title = `#${data.number} ${data.subject} · Servus`;
  }, [data]);

  const ownChange = (tk: Ticket) => setReviewedVersion((v) => (v !== null && tk.version === v + 1 ? tk.version : v));
  const go = (step: 1 | -1) => {
    if (!nav.listPath()) return;
    const id = nav.neighbour(ticketId, step);
    if (id) navigate(`/tickets/${id}`);
    else toast.info(step === 1 ? t('ticket.noNext') : t('ticket.noPrevious'));
  };
  const back = () => navigate(nav.listPath() ?? '/');
  const quick = (changes: Parameters<typeof update.mutate>[0], message: string) =>
    update.mutate(changes, { onSuccess: (tk) => { ownChange(tk); toast.success(message); }, onError: (err) => toast.error(err) });
  const writable = canWrite && !!data && !data.mergedIntoId;

  useShortcuts([
    { combo: 'j', handler: () => go(1) },
    { combo: 'k', handler: () => go(-1) },
    { combo: 'r', handler: () => writable && composer.current?.focus('public') },
    { combo: 'n', handler: () => writable && composer.current?.focus('note') },
    { combo: 'a', handler: () => writable && data?.assigneeId !== agent.id && quick({ assigneeId: agent.id }, t('ticket.assignedToYou')) },
    { combo: 'shift+s', handler: () => writable && data?.status !== 'solved' && quick({ status: 'solved' }, t('ticket.solvedToast')) },
    { combo: 'escape', handler: back, when: (e) => !(e.target as HTMLElement | null)?.closest?.('[role="menu"], [role="listbox"], [role="dialog"], [role="combobox"]') },
  ]);

  if (ticket.isPending) return <PageLoader />;
  if (ticket.error) {
    if (ticket.error instanceof ApiError && ticket.error.status === 404) return <NotFound />;
    return <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }
  if (!data) return null;
  const changedSince = reviewedVersion !== null && data.version > reviewedVersion;
  const retryThread = () => {
    void messages.refetch();
    void events.refetch();
  };

  return (
    <div className={classes.page}>
      <header className={classes.head}>
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Tooltip label={t('ticket.backToList')}>
              <ActionIcon aria-label={t('ticket.backToList')} onClick={back}><IconArrowLeft size={16} /></ActionIcon>
            </Tooltip>
            <SubjectEditor number={data.number} subject={data.subject} editable={writable} onSave={(subject) => quick({ subject }, t('ticket.saved'))} />
            <SlaBadge sla={data.sla} />
          </Group>
          <Group gap={6} wrap="nowrap">
            <PresenceBar viewers={viewers} meId={agent.id} />
            <Text size="xs" c="dimmed" visibleFrom="lg" style={{ whiteSpace: 'nowrap' }}>
              {t('ticket.createdAt', { date: format.dateTime(data.createdAt) })}
            </Text>
            <Tooltip label={t('ticket.previous')}>
              <ActionIcon aria-label={t('ticket.previous')} onClick={() => go(-1)}><IconChevronUp size={16} /></ActionIcon>
            </Tooltip>
            <Tooltip label={t('ticket.next')}>
              <ActionIcon aria-label={t('ticket.next')} onClick={() => go(1)}><IconChevronDown size={16} /></ActionIcon>
            </Tooltip>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon aria-label={t('ticket.moreActions')}><IconDots size={16} /></ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconArrowMerge size={14} />} disabled={!writable} onClick={() => setMergeOpen(true)}>{t('merge.intoAction')}</Menu.Item>
                <Menu.Item leftSection={<IconArrowUpRight size={14} />} disabled={!writable || data.status === 'solved' || data.status === 'closed'} onClick={() => setEscalateOpen(true)}>{t('routing.escalate.action')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </header>
      <div className={classes.side}>
        <aside className={classes.props} aria-label={t('ticket.properties')}>
          <PropertiesPanel ticket={data} onUpdated={ownChange} />
          <TicketSurveys ticketId={data.id} />
        </aside>
        <aside className={classes.customer} aria-label={t('customer.title')}>
          <CustomerPanel contactId={data.requesterId} currentTicketId={data.id} />
        </aside>
      </div>
      <section className={classes.main} aria-label={t('thread.conversation')}>
        {data.mergedIntoId && (
          <Alert color="gray" variant="light" radius={0}>
            {t('ticket.mergedBanner')} <Anchor component={Link} to={`/tickets/${data.mergedIntoId}`}>{t('ticket.openTarget')}</Anchor>
          </Alert>
        )}
        {changedSince && (
          <Alert color="indigo" variant="light" radius={0} role="status">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('ticket.changedSince')}</Text>
              <Button size="compact-xs" variant="white" onClick={() => setReviewedVersion(data.version)}>{t('ticket.markReviewed')}</Button>
            </Group>
          </Alert>
        )}
        {data.channel === 'chat' && <ChatPanel ticketId={data.id} canWrite={writable} />}
        <div className={classes.threadScroll} ref={threadBox}>
          <div ref={threadContent}>
          <Thread
            messages={messages.data}
            events={events.data}
            fields={fields.data ?? []}
            requester={data.requester}
            error={messages.error ?? events.error}
            onRetry={retryThread}
            newSince={openedAt}
            meId={agent.id}
          />
          </div>
        </div>
        {canWrite && reviewedVersion !== null && (
          <Composer ref={composer} ticketId={data.id} version={reviewedVersion} onVersionChange={setReviewedVersion} disabled={!writable} />
        )}
      </section>
      {escalateOpen && (
        // Leave a ticket the escalation moved out of sight, rather than show it as missing.
        <EscalateDialog ticket={data} onClose={() => setEscalateOpen(false)} onEscalated={(e) => !isAdmin && !teamIds.includes(e.toTeamId) && back()} />
      )}
      {mergeOpen && (
        <MergeIntoDialog ticket={data} onClose={() => setMergeOpen(false)} onMerged={(id) => { setMergeOpen(false); navigate(`/tickets/${id}`); }} />
      )}
    </div>
  );
}
