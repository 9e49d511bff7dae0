import { esc } from '../../knowledge/public/layout.ts';
import { DEFAULT_TIME_ZONE, PAGE_SIZE } from '../constants.ts';
import type { PortalFilter, PortalListRow, PortalTab } from '../queries.ts';
import { customerStatus, formatDate } from '../texts.ts';
import { portalPage, type PageCtx } from './frame.ts';

/** A list's URL with the given state; defaults are left out so the plain URL stays `/portal`. */
export function listHref(tab: PortalTab, filter: PortalFilter, page: number): string {
  const q = new URLSearchParams();
  if (tab !== 'mine') q.set('tab', tab);
  if (filter !== 'all') q.set('status', filter);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/portal?${s}` : '/portal';
}

const current = (yes: boolean) => (yes ? ' aria-current="page"' : '');

/** A status as a word the customer understands, coloured by what it asks of them. */
export function statusBadge(c: PageCtx, status: PortalListRow['status'], own: boolean): string {
  const s = customerStatus(status);
  const word = s === 'waiting' && !own ? c.t.waitingOther : c.t.status[s];
  return `<span class="portal-status portal-status-${s}">${esc(word)}</span>`;
}

/** A timestamp in the customer's language and time zone, machine-readable too. */
export function timeTag(c: PageCtx, d: Date): string {
  return `<time datetime="${d.toISOString()}">${esc(formatDate(d, c.lang, c.viewer?.timeZone || DEFAULT_TIME_ZONE))}</time>`;
}

function emptyText(c: PageCtx, tab: PortalTab, filter: PortalFilter): string {
  if (filter === 'open') return c.t.emptyOpen;
  if (filter === 'solved') return c.t.emptySolved;
  return tab === 'org' ? c.t.emptyOrg : c.t.emptyMine;
}

/**
 * "My requests" (or "My organization"): newest first, a status filter, pages of PAGE_SIZE.
 * Works without JavaScript: every control is a link.
 */
export function listPage(c: PageCtx, o: { tab: PortalTab; filter: PortalFilter; page: number; rows: PortalListRow[]; total: number; notice?: string }): string {
  const { t } = c;
  const pages = Math.max(1, Math.ceil(o.total / PAGE_SIZE));
  const heading = o.tab === 'org' ? t.myOrganization : t.myRequests;
  const tabs = c.viewer?.orgShared
    ? `<nav class="portal-tabs" aria-label="${esc(t.portal)}"><a href="${listHref('mine', 'all', 1)}"${current(o.tab === 'mine')}>${esc(t.myRequests)}</a><a href="${listHref('org', 'all', 1)}"${current(o.tab === 'org')}>${esc(t.myOrganization)}</a></nav>`
    : '';
  const filters = `<nav class="portal-filter" aria-label="${esc(t.filterLabel)}">${(['all', 'open', 'solved'] as const)
    .map((f) => `<a href="${listHref(o.tab, f, 1)}"${current(o.filter === f)}>${esc(t[f])}</a>`)
    .join('')}</nav>`;
  const withRequester = o.tab === 'org';
  const rows = o.rows
    .map((r) => {
      const href = `/portal/tickets/${r.number}`;
      const own = r.requesterId === c.viewer?.contactId;
      const requester = own ? t.you : r.requesterName || '–';
      return `<tr>
<td class="portal-num"><a href="${href}">#${r.number}</a></td>
<td><a href="${href}">${esc(r.subject)}</a></td>
<td>${statusBadge(c, r.status, own)}</td>
${withRequester ? `<td>${esc(requester)}</td>` : ''}
<td>${timeTag(c, r.updatedAt)}</td>
</tr>`;
    })
    .join('');
  const table = o.rows.length
    ? `<table class="portal-list">
<caption class="portal-sr">${esc(heading)}</caption>
<thead><tr><th scope="col">${esc(t.colNumber)}</th><th scope="col">${esc(t.colSubject)}</th><th scope="col">${esc(t.colStatus)}</th>${withRequester ? `<th scope="col">${esc(t.colRequester)}</th>` : ''}<th scope="col">${esc(t.colUpdated)}</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
    : `<div class="portal-empty"><p>${esc(emptyText(c, o.tab, o.filter))}</p>${o.tab === 'mine' && o.filter === 'all' ? `<p><a class="portal-button" href="/portal/new">${esc(t.newRequest)}</a></p>` : ''}</div>`;
  const pager =
    pages > 1
      ? `<nav class="portal-pages" aria-label="${esc(t.pagination)}">${o.page > 1 ? `<a href="${listHref(o.tab, o.filter, o.page - 1)}" rel="prev">${esc(t.newer)}</a>` : '<span></span>'}<span>${esc(t.pageOf(o.page, pages))}</span>${o.page < pages ? `<a href="${listHref(o.tab, o.filter, o.page + 1)}" rel="next">${esc(t.older)}</a>` : '<span></span>'}</nav>`
      : '';
  const body = `<h1>${esc(heading)}</h1>
${o.notice ? `<p class="portal-notice" role="status">${esc(o.notice)}</p>` : ''}
${tabs}
${filters}
${table}
${pager}`;
  return portalPage(c, heading, body);
}
