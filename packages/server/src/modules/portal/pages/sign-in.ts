import { esc } from '../../knowledge/public/layout.ts';
import type { Lang } from '../texts.ts';
import { fieldError, invalidAttrs, portalPage, type PageCtx } from './frame.ts';

/** The form that asks for a sign-in link: an email field, and where to go afterwards. */
function linkForm(c: PageCtx, o: { email?: string; error?: string; returnTo: string }): string {
  return `<form method="post" action="/portal/login" class="portal-form">
<input type="hidden" name="returnTo" value="${esc(o.returnTo)}">
<input type="hidden" name="lang" value="${c.lang}">
<label for="email">${esc(c.t.emailLabel)}</label>
<input id="email" name="email" type="email" autocomplete="email" inputmode="email" required maxlength="254" value="${esc(o.email ?? '')}"${invalidAttrs('email', o.error)}${o.error ? ' autofocus' : ''}>
${fieldError('email', o.error)}
<button type="submit" class="portal-button">${esc(c.t.sendLink)}</button>
</form>`;
}

const langLinks = (returnTo: string): { lang: Lang; href: string }[] =>
  (['de', 'en'] as const).map((lang) => ({ lang, href: `/portal?lang=${lang}${returnTo !== '/portal' ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}` }));

/** The signed-out start page of the portal. */
export function signInPage(c: PageCtx, o: { email?: string; error?: string; returnTo: string; notice?: string }): string {
  const body = `<section class="portal-narrow">
<h1>${esc(c.t.signInHeading)}</h1>
${o.notice ? `<p class="portal-notice" role="status">${esc(o.notice)}</p>` : ''}
${o.error ? `<p class="portal-alert" role="alert">${esc(c.t.errorSummary)}</p>` : ''}
<p>${esc(c.t.signInIntro)}</p>
${linkForm(c, o)}
</section>`;
  return portalPage(c, c.t.signInTitle, body, { alternates: langLinks(o.returnTo) });
}

/** The answer to every link request, known address or not. */
export function linkSentPage(c: PageCtx, returnTo: string): string {
  const again = `/portal?lang=${c.lang}${returnTo !== '/portal' ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  const body = `<section class="portal-narrow" role="status">
<h1>${esc(c.t.linkSentTitle)}</h1>
<p>${esc(c.t.linkSent)}</p>
<p class="portal-hint">${esc(c.t.linkSentHint)}</p>
<p><a href="${esc(again)}">${esc(c.t.askAgain)}</a></p>
</section>`;
  return portalPage(c, c.t.linkSentTitle, body);
}

/**
 * The page a sign-in link opens: a button that signs in with a POST. Mail scanners fetch
 * links with GET; only a person's click uses the link up.
 */
export function confirmPage(c: PageCtx, token: string, formKey: string): string {
  const body = `<section class="portal-narrow">
<h1>${esc(c.t.confirmTitle)}</h1>
<p>${esc(c.t.confirmBody)}</p>
<form method="post" action="/portal/login/${esc(token)}" class="portal-form">
<input type="hidden" name="csrf" value="${esc(formKey)}">
<button type="submit" class="portal-button" autofocus>${esc(c.t.confirmButton)}</button>
</form>
</section>`;
  return portalPage(c, c.t.confirmTitle, body);
}

/** One page for a link that is unknown, used or expired, with a form for a new one. */
export function expiredPage(c: PageCtx): string {
  const body = `<section class="portal-narrow">
<h1>${esc(c.t.expiredTitle)}</h1>
<p>${esc(c.t.expiredBody)}</p>
${linkForm(c, { returnTo: '/portal' })}
</section>`;
  return portalPage(c, c.t.expiredTitle, body);
}

/** The "Sign in" button was pressed without the page's own key (another site, or a stale tab). */
export function staleSignInPage(c: PageCtx): string {
  const body = `<section class="portal-narrow"><h1>${esc(c.t.staleTitle)}</h1><p>${esc(c.t.staleSignIn)}</p></section>`;
  return portalPage(c, c.t.staleTitle, body);
}
