import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ActionIcon, Badge, Button, Tooltip } from '@mantine/core';
import { IconInbox, IconPencil, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { keys } from '../api/keys';
import { useTicketPages } from '../api/tickets';
import type { Ticket } from '../api/types';
import { countLabel, useViewCounts, useViews, viewName } from '../api/views';
import { useFormat, useSession } from '../auth/session';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { BulkBar } from './BulkBar';
import { ListHeader } from './ListHeader';
import { ListSkeleton } from './ListSkeleton';
import { TicketTable } from './TicketTable';
import { useListKeyboard } from './useListKeyboard';
import { useTicketNavigation } from './ticket-navigation';

const lastOpened = new Map<string, string>();

/** A queue: the tickets of one view with live count, keyboard navigation and bulk actions. */
export function ViewPage({ viewId: fixedId }: { viewId?: string }) {
  const params = useParams();
  const viewId = fixedId ?? params.viewId ?? 'my_open';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const format = useFormat();
  const { canWrite, agent, isAdmin } = useSession();
  const views = useViews();
  const counts = useViewCounts();
  const nav = useTicketNavigation();
  const view = views.data?.find((v) => v.id === viewId);
  const list = useTicketPages<Ticket>(keys.viewTickets(viewId), `/api/v1/views/${encodeURIComponent(viewId)}/tickets`);
  const tickets = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [activeIndex, setActiveIndex] = useState(-1);
  const title = view ? viewName(view, t) : views.isPending ? '' : t('views.unknown');

  useEffect(() => {
    setSelected(new Set());
    setActiveIndex(-1);
  }, [viewId]);

  useEffect(() => {
    nav.setList(tickets.map((tk) => tk.id), location.pathname);
    const remembered = lastOpened.get(viewId);
    if (activeIndex < 0 && remembered) {
      const i = tickets.findIndex((tk) => tk.id === remembered);
      if (i >= 0) setActiveIndex(i);
    }
  }, [tickets, nav, location.pathname, viewId, activeIndex]);

  useEffect(() => {
    if (title) document.title = `${title} · Servus`;
  }, [title]);

  const open = useCallback(
    (ticket: Ticket) => {
      lastOpened.set(viewId, ticket.id);
      navigate(`/tickets/${ticket.id}`);
    },
    [navigate, viewId],
  );
  const toggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const loadMore = useCallback(() => void list.fetchNextPage(), [list]);

  useListKeyboard({
    count: tickets.length,
    activeIndex,
    setActiveIndex,
    open: (i) => tickets[i] && open(tickets[i]),
    toggle: (i) => canWrite && tickets[i] && toggle(tickets[i].id),
    clearSelection: () => setSelected(new Set()),
  });

  const count = countLabel(counts.data?.counts[viewId], counts.data?.cap, format.number);
  const editable = view && !view.builtin && (view.ownerId === agent.id || isAdmin);
  const selectedTickets = tickets.filter((tk) => selected.has(tk.id));

  return (
    <>
      <ListHeader title={title} extra={count ? <Badge color="gray" variant="light" aria-label={t('list.countLabel', { n: count })}>{count}</Badge> : null}>
        {editable && (
          <Button component={Link} to={`/views/${encodeURIComponent(viewId)}/edit`} variant="default" leftSection={<IconPencil size={14} />}>
            {t('viewEditor.edit')}
          </Button>
        )}
        <Tooltip label={t('common.refresh')}>
          <ActionIcon aria-label={t('common.refresh')} onClick={() => void list.refetch()} loading={list.isRefetching && !list.isFetchingNextPage}>
            <IconRefresh size={16} />
          </ActionIcon>
        </Tooltip>
      </ListHeader>
      {selectedTickets.length > 0 && <BulkBar selected={selectedTickets} onClear={() => setSelected(new Set())} />}
      {list.isPending && <ListSkeleton />}
      {list.error && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && tickets.length === 0 && (
        <EmptyState icon={<IconInbox size={32} color="var(--mantine-color-gray-5)" />} title={t('list.empty')} hint={t('list.emptyHint')} />
      )}
      {tickets.length > 0 && (
        <TicketTable
          label={title}
          tickets={tickets}
          selected={selected}
          selectable={canWrite}
          activeIndex={activeIndex}
          onActiveIndexChange={setActiveIndex}
          onToggle={toggle}
          onToggleAll={(all) => setSelected(all ? new Set(tickets.map((tk) => tk.id)) : new Set())}
          onOpen={open}
          hasMore={!!list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={loadMore}
        />
      )}
    </>
  );
}
