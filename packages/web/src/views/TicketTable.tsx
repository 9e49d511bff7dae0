import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { Checkbox, Loader, Table, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../api/types';
import { useAgentMap } from '../api/directory';
import { useFormat } from '../auth/session';
import { PriorityLabel, StatusBadge } from '../tickets/StatusBadge';
import classes from './TicketTable.module.css';

const ROW_HEIGHT = 34;

export interface TicketTableProps {
  tickets: Ticket[];
  selected: ReadonlySet<string>;
  activeIndex: number;
  onActiveIndexChange(i: number): void;
  onToggle(id: string): void;
  onToggleAll(select: boolean): void;
  onOpen(ticket: Ticket): void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  /** A label for the table, e.g. the view's name. */
  label: string;
  selectable: boolean;
}

/**
 * The ticket list as a compact, virtualized table: only visible rows are in the DOM, more
 * pages load near the end, and the active row (keyboard cursor) is kept in view and focused.
 */
export function TicketTable(props: TicketTableProps) {
  const { tickets, selected, activeIndex, hasMore, loadingMore, onLoadMore } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const agents = useAgentMap();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowVirtualizer = useVirtualizer({
    count: tickets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = rowVirtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tickets.length - 10) onLoadMore();
  }, [lastIndex, tickets.length, hasMore, loadingMore, onLoadMore]);

  useEffect(() => {
    if (activeIndex < 0 || activeIndex >= tickets.length) return;
    rowVirtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    const id = tickets[activeIndex].id;
    requestAnimationFrame(() => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-ticket-id="${id}"]`);
      if (row && scrollRef.current?.contains(document.activeElement)) row.focus({ preventScroll: true });
    });
  }, [activeIndex, tickets, rowVirtualizer]);

  const allSelected = tickets.length > 0 && tickets.every((tk) => selected.has(tk.id));
  const someSelected = !allSelected && tickets.some((tk) => selected.has(tk.id));
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? rowVirtualizer.getTotalSize() - items[items.length - 1].end : 0;

  function rowClick(e: MouseEvent, ticket: Ticket, index: number) {
    const target = e.target as HTMLElement;
    if (target.closest('a, input, button, label')) return;
    props.onActiveIndexChange(index);
    props.onOpen(ticket);
  }

  function rowKey(e: KeyboardEvent, ticket: Ticket) {
    if (e.key === ' ' && props.selectable && !(e.target as HTMLElement).closest('input, a')) {
      e.preventDefault();
      props.onToggle(ticket.id);
    }
  }

  return (
    <div ref={scrollRef} className={classes.scroll}>
      <Table stickyHeader highlightOnHover aria-label={props.label} aria-rowcount={tickets.length + 1} className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>
              {props.selectable && (
                <Checkbox
                  aria-label={t('list.selectAll')}
                  checked={allSelected}
                  indeterminate={someSelected}
                  onChange={(e) => props.onToggleAll(e.currentTarget.checked)}
                />
              )}
            </Table.Th>
            <Table.Th w={72}>{t('list.number')}</Table.Th>
            <Table.Th>{t('list.subject')}</Table.Th>
            <Table.Th w="18%" visibleFrom="sm">{t('list.requester')}</Table.Th>
            <Table.Th w={120}>{t('list.status')}</Table.Th>
            <Table.Th w={88} visibleFrom="lg">{t('list.priority')}</Table.Th>
            <Table.Th w="13%" visibleFrom="md">{t('list.assignee')}</Table.Th>
            <Table.Th w={96} visibleFrom="sm">{t('list.sla')}</Table.Th>
            <Table.Th w={116}>{t('list.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((item) => {
            const ticket = tickets[item.index];
            const active = item.index === activeIndex;
            const isSelected = selected.has(ticket.id);
            const assignee = ticket.assigneeId ? agents.get(ticket.assigneeId)?.name ?? '…' : t('list.unassigned');
            return (
              <Table.Tr
                key={ticket.id}
                data-ticket-id={ticket.id}
                data-active={active || undefined}
                aria-rowindex={item.index + 2}
                data-selected={isSelected || undefined}
                tabIndex={active ? 0 : -1}
                className={classes.row}
                onClick={(e) => rowClick(e, ticket, item.index)}
                onFocus={() => !active && props.onActiveIndexChange(item.index)}
                onKeyDown={(e) => rowKey(e, ticket)}
                style={{ height: ROW_HEIGHT }}
              >
                <Table.Td>
                  {props.selectable && (
                    <Checkbox aria-label={t('list.selectTicket', { number: ticket.number })} checked={isSelected} onChange={() => props.onToggle(ticket.id)} tabIndex={-1} />
                  )}
                </Table.Td>
                <Table.Td c="dimmed">#{ticket.number}</Table.Td>
                <Table.Td className={classes.subjectCell}>
                  <Link to={`/tickets/${ticket.id}`} className={classes.subject} tabIndex={-1} data-unread={ticket.status === 'new' || undefined}>
                    {ticket.subject}
                  </Link>
                </Table.Td>
                <Table.Td visibleFrom="sm" className={classes.truncate}>
                  <Text size="sm" truncate title={ticket.requester?.email ?? undefined}>{ticket.requester?.name || ticket.requester?.email || '—'}</Text>
                </Table.Td>
                <Table.Td><StatusBadge status={ticket.status} /></Table.Td>
                <Table.Td visibleFrom="lg"><PriorityLabel priority={ticket.priority} /></Table.Td>
                <Table.Td visibleFrom="md" className={classes.truncate}>
                  <Text size="sm" truncate c={ticket.assigneeId ? undefined : 'dimmed'}>{assignee}</Text>
                </Table.Td>
                <Table.Td visibleFrom="sm"><SlaDue at={ticket.slaNextBreachAt} /></Table.Td>
                <Table.Td>
                  <Tooltip label={format.dateTime(ticket.updatedAt)}>
                    <Text size="sm" c="dimmed" span style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={ticket.updatedAt}>{format.relative(ticket.updatedAt)}</time>
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </Table.Tbody>
      </Table>
      {loadingMore && (
        <div className={classes.more} role="status" aria-label={t('common.loading')}>
          <Loader size="xs" type="dots" />
        </div>
      )}
    </div>
  );
}

/** How close the next SLA breach is before the list marks it as urgent. */
const SOON_MS = 60 * 60_000;

/** When the ticket's next SLA target is due: red once overdue, orange within the hour. */
function SlaDue({ at }: { at: string | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!at) return <Text size="sm" c="dimmed" span>—</Text>;
  const left = new Date(at).getTime() - Date.now();
  const color = left <= 0 ? 'red' : left <= SOON_MS ? 'orange' : undefined;
  const when = format.relative(at);
  return (
    <Tooltip label={`${t(left <= 0 ? 'list.slaOverdue' : 'list.slaDue', { when: format.dateTime(at) })}`}>
      <Text size="sm" span c={color} fw={color ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} data-sla-due={left <= 0 ? 'overdue' : left <= SOON_MS ? 'soon' : 'later'}>
        <time dateTime={at}>{when}</time>
      </Text>
    </Tooltip>
  );
}
