import { breadcrumbs, contactUrl, helpPage, type PageCtx } from './components.ts';
import type { ContactField, ContactValues } from './contact.ts';
import { POW_BITS } from './form-token.ts';
import { esc } from './layout.ts';
import { textsFor, type HelpTexts } from './texts.ts';

/** The name of the field people never see and bots fill in. */
export const HONEYPOT = 'website_url';

export interface ContactFormState {
  values: ContactValues;
  token: string;
  /** A proof-of-work answer already found for this token (kept across a re-render). */
  pow?: string;
  errors?: ContactField[];
  /** A problem with the form as a whole (too fast, expired, unconfirmed). */
  problem?: 'errTooFast' | 'errExpired' | 'errCookies';
}

const ERROR_TEXT: Record<ContactField, keyof HelpTexts> = { name: 'errName', email: 'errEmail', subject: 'errSubject', message: 'errMessage' };

function field(t: HelpTexts, f: ContactField, s: ContactFormState, control: (attrs: string) => string): string {
  const failed = s.errors?.includes(f);
  const label = t[f] as string;
  const attrs = `id="f-${f}" name="${f}" required aria-required="true"${failed ? ` aria-invalid="true" aria-describedby="e-${f}"` : ''}`;
  return `<div class="field${failed ? ' invalid' : ''}">
<label for="f-${f}">${esc(label)} <span class="req" aria-hidden="true">*</span></label>
${control(attrs)}
${failed ? `<p class="field-error" id="e-${f}">${esc(t[ERROR_TEXT[f]] as string)}</p>` : ''}
</div>`;
}

/**
 * The contact form. Without JavaScript it is a plain form; help.js adds the article
 * suggestions under the subject and solves the proof-of-work into the `pow` field.
 */
export function contactPage(c: PageCtx, s: ContactFormState): string {
  const t = textsFor(c.lang);
  const v = s.values;
  const summary = s.errors?.length
    ? `<div class="alert" role="alert" tabindex="-1" id="form-errors"><p>${esc(t.errorsTitle)}</p><ul>${s.errors
        .map((f) => `<li><a href="#f-${f}">${esc(t[ERROR_TEXT[f]] as string)}</a></li>`)
        .join('')}</ul></div>`
    : s.problem
      ? `<div class="alert" role="alert" tabindex="-1" id="form-errors"><p>${esc(t[s.problem])}</p></div>`
      : '';
  const body = `${breadcrumbs(c.lang, [{ label: t.contactTitle }])}
<h1>${esc(t.contactTitle)}</h1>
<p class="lead">${esc(t.contactLead)}</p>
${summary}
<form class="contact" method="post" action="${contactUrl(c.lang)}" novalidate data-contact data-lang="${c.lang}" data-pow-bits="${POW_BITS}">
<input type="hidden" name="token" value="${esc(s.token)}">
<input type="hidden" name="pow" value="${esc(s.pow ?? '')}">
<div class="hp" aria-hidden="true"><label for="f-hp">${esc(t.honeypot)}</label><input id="f-hp" type="text" name="${HONEYPOT}" value="" tabindex="-1" autocomplete="off"></div>
${field(t, 'name', s, (a) => `<input ${a} type="text" autocomplete="name" maxlength="120" value="${esc(v.name)}">`)}
${field(t, 'email', s, (a) => `<input ${a} type="email" autocomplete="email" maxlength="254" value="${esc(v.email)}">`)}
${field(t, 'subject', s, (a) => `<input ${a} type="text" maxlength="200" autocomplete="off" value="${esc(v.subject)}" data-suggest-subject>`)}
<section class="suggestions" id="suggestions" aria-live="polite" data-new-tab="${esc(t.newTab)}" hidden><h2>${esc(t.suggestionsTitle)}</h2><ul></ul></section>
${field(t, 'message', s, (a) => `<textarea ${a} rows="8" maxlength="10000">${esc(v.message)}</textarea>`)}
<p class="hint"><span aria-hidden="true">*</span> ${esc(t.required)}</p>
<button type="submit">${esc(t.send)}</button>
</form>`;
  return helpPage(c, { title: t.contactTitle, description: t.contactLead, area: 'contact', canonical: `${c.base}${contactUrl(c.lang)}`, scripts: ['/help/assets/help.js'], body });
}

/** After sending: a reply will come by email. The message is not shown again. */
export function contactSentPage(c: PageCtx): string {
  const t = textsFor(c.lang);
  return helpPage(c, {
    title: t.sentTitle,
    noindex: true,
    area: 'contact',
    body: `<section class="message sent"><h1>${esc(t.sentTitle)}</h1><p>${esc(t.sentBody)}</p><p class="hint">${esc(t.sentHint)}</p><p><a href="/help/${c.lang}">${esc(t.backHome)}</a></p></section>`,
  });
}
