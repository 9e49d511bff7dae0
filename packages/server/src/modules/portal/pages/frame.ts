import type { HelpCenterTheme } from '../../knowledge/schema.ts';
import { esc, PUBLIC_PAGE_HEADERS, renderPublicPage } from '../../knowledge/public/layout.ts';
import type { PortalViewer } from '../sessions.ts';
import { textsFor, type Lang, type PortalTexts } from '../texts.ts';

/**
 * Portal pages show a customer's own data: never cached, never indexed, and no URL of theirs
 * (ticket numbers, sign-in tokens) leaks to another site through the Referer header.
 */
export const PORTAL_PAGE_HEADERS = {
  ...PUBLIC_PAGE_HEADERS,
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
};

/** What every portal page is rendered with. */
export interface PageCtx {
  lang: Lang;
  t: PortalTexts;
  theme: HelpCenterTheme;
  viewer: PortalViewer | null;
  /** The help center's contact form is switched on (its link shows in the navigation). */
  contactForm: boolean;
}

export function pageCtx(lang: Lang, theme: HelpCenterTheme, viewer: PortalViewer | null, contactForm = true): PageCtx {
  return { lang, t: textsFor(lang), theme, viewer, contactForm };
}

/** The bar above a signed-in customer's pages: their lists, a new request, and signing out. */
function accountBar(c: PageCtx): string {
  if (!c.viewer) return '';
  return `<div class="portal-bar">
<a class="portal-button" href="/portal/new">${esc(c.t.newRequest)}</a>
<form method="post" action="/portal/logout" class="portal-signout">${csrfField(c)}<button type="submit" class="portal-link-button">${esc(c.t.signOut)}</button></form>
</div>`;
}

/** The hidden CSRF field every signed-in form carries. */
export function csrfField(c: PageCtx): string {
  return c.viewer ? `<input type="hidden" name="csrf" value="${esc(c.viewer.csrfToken)}">` : '';
}

/** A complete portal page in the help center's frame and theme. `body` is already escaped HTML. */
export function portalPage(c: PageCtx, title: string, body: string, opts: { alternates?: { lang: Lang; href: string }[] } = {}): string {
  return renderPublicPage({
    lang: c.lang,
    theme: c.theme,
    title,
    area: 'portal',
    noindex: true,
    head: '<link rel="stylesheet" href="/portal/assets/portal.css">',
    customer: c.viewer ? { name: c.viewer.name || c.viewer.email || '' } : null,
    alternates: opts.alternates,
    features: { contact: c.contactForm, portal: true },
    body: `<div class="portal">${accountBar(c)}${body}</div>`,
  });
}

/** A page with a heading, a paragraph and an optional link: errors and notices. */
export function messagePage(c: PageCtx, title: string, text: string, link?: { href: string; label: string }): string {
  return portalPage(
    c,
    title,
    `<section class="portal-message"><h1>${esc(title)}</h1><p>${esc(text)}</p>${link ? `<p><a href="${esc(link.href)}">${esc(link.label)}</a></p>` : ''}</section>`,
  );
}

/**
 * The one "not found" page: a ticket that does not exist, another customer's ticket, an
 * organization ticket without sharing, a file of an internal note – all answer with exactly
 * this body, so nothing tells them apart.
 */
export function notFoundPage(c: PageCtx): string {
  return messagePage(c, c.t.notFoundTitle, c.t.notFoundBody, c.viewer ? { href: '/portal', label: c.t.backToList } : undefined);
}

/** A form that was not sent because its CSRF token was missing or wrong. */
export function stalePage(c: PageCtx): string {
  return messagePage(c, c.t.staleTitle, c.t.staleBody, { href: '/portal', label: c.t.backToList });
}

/** An inline error message for a form field, tied to it by `aria-describedby`. */
export function fieldError(id: string, message: string | undefined): string {
  return message ? `<p class="portal-error" id="${esc(id)}-error">${esc(message)}</p>` : '';
}

/** The attributes that mark a field invalid and point at its message. */
export function invalidAttrs(id: string, message: string | undefined): string {
  return message ? ` aria-invalid="true" aria-describedby="${esc(id)}-error"` : '';
}
