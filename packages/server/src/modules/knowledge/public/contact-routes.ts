import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { randomToken } from '../../../platform/crypto.ts';
import { contactUrl, messagePage, type PageCtx } from './components.ts';
import { pageCtx, sendNotFound } from './context.ts';
import { CONTACT_POLICY, contactRetryAfter, formValues, submitContactForm, validateContact, type ContactValues } from './contact.ts';
import { checkProofOfWork, issueFormToken, newVisit, readFormToken } from './form-token.ts';
import { helpKey, keyedHash, sameOrigin, sendPage } from './http.ts';
import { contactPage, contactSentPage, HONEYPOT, type ContactFormState } from './pages-contact.ts';
import type { FormBody } from './page-routes.ts';
import { textsFor } from './texts.ts';

/** The cookie a form token is bound to: random, SameSite=Strict, so another site cannot post the form for a visitor. */
export const FORM_COOKIE = 'servus_hc_form';

const EMPTY: ContactValues = { name: '', email: '', subject: '', message: '' };

/**
 * The contact form: the page (with a fresh visit and token), the post that opens a ticket
 * (see contact.ts for the spam rules), and the confirmation page.
 */
export function helpContactRoutes(app: App, services: Services): void {
  const hide = { schema: { hide: true } };

  /** The visitor's form cookie, set when missing. */
  function formCookie(req: FastifyRequest, reply: FastifyReply): string {
    const existing = req.cookies[FORM_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{22,64}$/.test(existing)) return existing;
    const value = randomToken(16);
    reply.setCookie(FORM_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', maxAge: CONTACT_POLICY.maxAgeMs / 1000 });
    return value;
  }

  async function showForm(req: FastifyRequest, reply: FastifyReply, c: PageCtx, state: Omit<ContactFormState, 'token'> & { visit?: string; token?: string }, status = 200) {
    const token = state.token ?? issueFormToken(await helpKey(services), state.visit ?? newVisit(), formCookie(req, reply), services.clock.now());
    return sendPage(req, reply, status, contactPage(c, { ...state, token }), 'private');
  }

  async function contactCtx(req: FastifyRequest<{ Params: { lang: string } }>, reply: FastifyReply): Promise<PageCtx | null> {
    const c = await pageCtx(services, req, reply, req.params.lang);
    if (c && !c.settings.contactFormEnabled) {
      sendNotFound(req, reply, c);
      return null;
    }
    return c;
  }

  app.get<{ Params: { lang: string } }>('/help/:lang/contact', hide, async (req, reply) => {
    const c = await contactCtx(req, reply);
    if (!c) return reply;
    return showForm(req, reply, c, { values: EMPTY });
  });

  app.get<{ Params: { lang: string } }>('/help/:lang/contact/sent', hide, async (req, reply) => {
    const c = await contactCtx(req, reply);
    if (!c) return reply;
    return sendPage(req, reply, 200, contactSentPage(c), 'private');
  });

  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.post<{ Params: { lang: string }; Body: FormBody }>('/help/:lang/contact', hide, async (req, reply) => {
      const c = await contactCtx(req, reply);
      if (!c) return reply;
      const t = textsFor(c.lang);
      const form = (req.body ?? {}) as FormBody;
      const values = formValues(form);
      if (!sameOrigin(services, req)) return sendPage(req, reply, 400, messagePage(c, t.badRequestTitle, t.badRequestBody, 'contact'), 'private');
      const key = await helpKey(services);
      const token = readFormToken(key, form.token, req.cookies[FORM_COOKIE]);
      if (!token) return showForm(req, reply, c, { values, problem: 'errCookies' }, 400);
      const sent = () => reply.redirect(`${contactUrl(c.lang)}/sent`, 303);
      // Bots fill in every field; they are told it worked, and nothing happens.
      if ((form[HONEYPOT] ?? '') !== '') {
        req.log.info({ visit: token.visit }, 'contact form honeypot filled; dropped');
        return sent();
      }
      const pow = checkProofOfWork(form.token!, form.pow);
      const age = services.clock.now().getTime() - token.issuedAt;
      if (age > CONTACT_POLICY.maxAgeMs) return showForm(req, reply, c, { values, visit: token.visit, problem: 'errExpired' }, 400);
      const checked = validateContact(values);
      if (!checked.ok) return showForm(req, reply, c, { values, token: form.token, pow: pow ? form.pow : undefined, errors: checked.errors }, 400);
      if (age < (pow ? CONTACT_POLICY.minFillMs.pow : CONTACT_POLICY.minFillMs.plain)) {
        return showForm(req, reply, c, { values, visit: token.visit, problem: 'errTooFast' }, 400);
      }
      const who = { ipHash: keyedHash(key, 'ip', req.ip), emailHash: keyedHash(key, 'email', checked.value.email), pow };
      const retry = await contactRetryAfter(services, who);
      if (retry !== null) {
        reply.header('retry-after', String(retry));
        return sendPage(req, reply, 429, messagePage(c, t.tooManyTitle, t.tooManyBody(Math.ceil(retry / 60)), 'contact'), 'private');
      }
      await submitContactForm(services, { lang: c.lang, visit: token.visit, values: checked.value, ...who });
      return sent();
    });
  });
}
