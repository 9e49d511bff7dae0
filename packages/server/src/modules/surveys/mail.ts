import type { Services } from '../../platform/context.ts';
import type { SurveyRow } from './offer.ts';
import { signSurveyToken } from './tokens.ts';
import { choices, langOf, surveyText } from './texts.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The base of public links: PUBLIC_URL, or this server on its port. */
export function publicBase(services: Services): string {
  return (services.config.PUBLIC_URL ?? `http://localhost:${services.config.PORT}`).replace(/\/+$/, '');
}

/**
 * The survey mail: one link per rating value (a click records it), an unsubscribe link, in the
 * contact's language. Every value is escaped in the HTML part. The mailer marks it
 * `Auto-Submitted: auto-generated`.
 */
export async function surveyMail(
  services: Services,
  survey: SurveyRow,
  about: { ticketNumber?: number; subject?: string; productName?: string; expiryDays: number },
): Promise<{ subject: string; text: string; html: string }> {
  const l = langOf(survey.locale);
  const base = publicBase(services);
  const token = await signSurveyToken(services, survey, 'r');
  const unsubscribe = `${base}/s/${await signSurveyToken(services, survey, 'u')}/unsubscribe`;
  const options = choices(survey.kind, survey.scale, l)
    .slice()
    .reverse()
    .map(([score, label]) => ({ label, url: `${base}/s/${token}?score=${score}` }));
  const product = about.productName || surveyText.defaultProduct(l);
  const subject = survey.kind === 'nps' ? surveyText.npsSubject(l, product) : surveyText.csatSubject(l, about.ticketNumber ?? 0);
  const intro = survey.kind === 'nps' ? surveyText.npsQuestion(l, product) : `${surveyText.csatIntro(l, about.subject ?? '')}\n${surveyText.csatQuestion(l)}`;
  const text = [intro, '', ...options.map((o) => `${o.label}: ${o.url}`), '', surveyText.expiresNote(l, about.expiryDays), '', `${surveyText.unsubscribe(l)}: ${unsubscribe}`, ''].join('\n');
  const buttons =
    survey.kind === 'nps'
      ? options
          .slice()
          .reverse()
          .map((o) => `<a href="${escapeHtml(o.url)}" style="display:inline-block;min-width:28px;padding:6px 8px;margin:2px;border:1px solid #c5cad3;border-radius:4px;text-align:center;text-decoration:none;color:#1d2330">${escapeHtml(o.label)}</a>`)
          .join('')
      : options.map((o) => `<p style="margin:6px 0"><a href="${escapeHtml(o.url)}" style="display:inline-block;padding:8px 14px;border:1px solid #c5cad3;border-radius:6px;text-decoration:none;color:#1d2330">${escapeHtml(o.label)}</a></p>`).join('');
  const html = [
    ...intro.split('\n').map((p) => `<p>${escapeHtml(p)}</p>`),
    `<div>${buttons}</div>`,
    `<p style="color:#777;font-size:12px">${escapeHtml(surveyText.expiresNote(l, about.expiryDays))} <a href="${escapeHtml(unsubscribe)}">${escapeHtml(surveyText.unsubscribe(l))}</a></p>`,
  ].join('');
  return { subject, text, html };
}
