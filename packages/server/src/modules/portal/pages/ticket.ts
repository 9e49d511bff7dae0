import { esc } from '../../knowledge/public/layout.ts';
import type { AttachmentRow, TicketView } from '../../tickets/repository.ts';
import { MAX_MESSAGE, MAX_SUBJECT } from '../constants.ts';
import type { PortalMessage } from '../queries.ts';
import { csrfField, fieldError, invalidAttrs, portalPage, type PageCtx } from './frame.ts';
import { statusBadge, timeTag } from './lists.ts';

/** Who wrote a message, as the customer sees it: "You", a colleague's name, an agent's first name, or the team. */
function authorOf(c: PageCtx, m: PortalMessage): string {
  if (m.authorKind === 'contact') return m.authorContactId === c.viewer?.contactId ? c.t.you : m.contactName || '–';
  if (m.authorKind === 'agent' && m.agentName?.trim()) return m.agentName.trim().split(/\s+/)[0]!;
  return c.theme.name;
}

function size(bytes: number, lang: string): string {
  const fmt = (n: number) => n.toLocaleString(lang, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}

function files(c: PageCtx, number: number, list: AttachmentRow[]): string {
  if (list.length === 0) return '';
  const items = list
    .map((a) => `<li><a href="/portal/tickets/${number}/attachments/${a.id}" download>${esc(a.filename)}</a> <span class="portal-hint">(${esc(size(a.size, c.lang))})</span></li>`)
    .join('');
  return `<ul class="portal-files" aria-label="${esc(c.t.attachments)}">${items}</ul>`;
}

export interface TicketPageInput {
  ticket: TicketView;
  requesterName: string;
  mergedAway: boolean;
  messages: PortalMessage[];
  attachments: AttachmentRow[];
  notice?: string;
  reply?: { text: string; error?: string };
}

/**
 * One request: its public conversation, oldest first, and a reply form. Text is shown as
 * text (escaped, line breaks kept): no mail HTML runs on the portal's origin.
 */
export function ticketPage(c: PageCtx, o: TicketPageInput): string {
  const { t } = c;
  const tk = o.ticket;
  const own = tk.requesterId === c.viewer?.contactId;
  const meta = [`#${tk.number}`, statusBadge(c, tk.status, own), `${esc(t.opened)} ${timeTag(c, tk.createdAt)}`];
  if (!own) meta.push(esc(t.requestedBy(o.requesterName || '–')));
  const thread = o.messages.length
    ? `<ol class="portal-thread">${o.messages
        .map(
          (m) => `<li class="portal-msg ${m.authorKind === 'contact' ? 'portal-msg-customer' : 'portal-msg-team'}" id="m-${m.id}">
<div class="portal-msg-head"><strong>${esc(authorOf(c, m))}</strong> ${timeTag(c, m.createdAt)}</div>
<div class="portal-msg-body">${esc(m.text)}</div>
${files(c, tk.number, o.attachments.filter((a) => a.messageId === m.id))}
</li>`,
        )
        .join('')}</ol>`
    : `<p class="portal-empty">${esc(t.noMessages)}</p>`;
  let tail: string;
  if (o.mergedAway) tail = `<p class="portal-notice">${esc(t.mergedNotice)}</p>`;
  else if (tk.status === 'closed') tail = `<p class="portal-notice">${esc(t.closedNotice)}</p><p><a class="portal-button" href="/portal/new">${esc(t.newRequest)}</a></p>`;
  else {
    const err = o.reply?.error;
    tail = `<form method="post" action="/portal/tickets/${tk.number}/reply" class="portal-form portal-reply">
${csrfField(c)}
${tk.status === 'solved' ? `<p class="portal-hint">${esc(t.solvedHint)}</p>` : ''}
<label for="message">${esc(t.replyLabel)}</label>
<textarea id="message" name="message" rows="6" required maxlength="${MAX_MESSAGE}"${invalidAttrs('message', err)}${err ? ' autofocus' : ''}>${esc(o.reply?.text ?? '')}</textarea>
${fieldError('message', err)}
<button type="submit" class="portal-button">${esc(t.sendReply)}</button>
</form>`;
  }
  const body = `<p class="portal-back"><a href="/portal">${esc(t.backToList)}</a></p>
<h1>${esc(tk.subject)}</h1>
<p class="portal-meta">${meta.join(' <span aria-hidden="true">·</span> ')}</p>
${o.notice ? `<p class="portal-notice" role="status">${esc(o.notice)}</p>` : ''}
<section aria-labelledby="conversation"><h2 id="conversation">${esc(t.conversation)}</h2>
${thread}
</section>
${tail}`;
  return portalPage(c, `#${tk.number} ${tk.subject}`, body);
}

/** The new-request form, with the customer's input and errors after a refused submit. */
export function newTicketPage(c: PageCtx, o: { subject?: string; message?: string; errors?: { subject?: string; message?: string } } = {}): string {
  const { t } = c;
  const e = o.errors ?? {};
  const body = `<p class="portal-back"><a href="/portal">${esc(t.backToList)}</a></p>
<h1>${esc(t.newTitle)}</h1>
${e.subject || e.message ? `<p class="portal-alert" role="alert">${esc(t.errorSummary)}</p>` : ''}
<form method="post" action="/portal/new" class="portal-form">
${csrfField(c)}
<label for="subject">${esc(t.subjectLabel)}</label>
<input id="subject" name="subject" type="text" required maxlength="${MAX_SUBJECT}" value="${esc(o.subject ?? '')}"${invalidAttrs('subject', e.subject)}${e.subject ? ' autofocus' : ''}>
${fieldError('subject', e.subject)}
<label for="message">${esc(t.messageLabel)}</label>
<textarea id="message" name="message" rows="8" required maxlength="${MAX_MESSAGE}"${invalidAttrs('message', e.message)}${!e.subject && e.message ? ' autofocus' : ''}>${esc(o.message ?? '')}</textarea>
${fieldError('message', e.message)}
<button type="submit" class="portal-button">${esc(t.submitRequest)}</button>
</form>`;
  return portalPage(c, t.newTitle, body);
}
