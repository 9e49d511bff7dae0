import type { SurveyAnswerResult, SurveyReason } from '@servus/shared';
import type { SurveyRow } from './offer.ts';
import { choices, surveyText, type Lang } from './texts.ts';

/** HTML-escapes text for element content and quoted attributes. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Survey pages carry no script at all, and may load nothing from elsewhere. */
export const SURVEY_PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
};

/** A complete survey page around `body` (already escaped HTML). */
export function page(l: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${l}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { background: #fff; padding: 2rem; border-radius: 10px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: min(560px, 92vw); }
  h1 { font-size: 1.3rem; margin: 0 0 1rem; }
  .choices { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0 1rem; }
  .choices a { padding: .45rem .8rem; border: 1px solid #c5cad3; border-radius: 6px; color: #1d2330; text-decoration: none; }
  .choices a[aria-current="true"] { background: #2455c3; border-color: #2455c3; color: #fff; }
  a:focus-visible, button:focus-visible, textarea:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #5b8def; outline-offset: 1px; }
  label, legend { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
  textarea, select { width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #c5cad3; border-radius: 6px; font: inherit; }
  fieldset { border: 0; padding: 0; margin: 0; }
  .ces { display: flex; gap: .6rem; flex-wrap: wrap; align-items: center; }
  .hint { color: #6b7385; font-size: .85rem; }
  button { margin-top: 1.2rem; padding: .6rem 1.2rem; border: 0; border-radius: 6px; background: #2455c3; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  .notice { color: #1b6b2f; font-weight: 600; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** A page with a title and one paragraph: not found, expired, closed, unsubscribed. */
export function messagePage(l: Lang, title: string, text: string): string {
  return page(l, title, `<h1>${esc(title)}</h1><p>${esc(text)}</p>`);
}

function choiceLinks(s: SurveyRow, l: Lang, token: string, current: number | null): string {
  const list = choices(s.kind, s.scale, l);
  const ordered = s.kind === 'nps' ? list : list.slice().reverse();
  return `<div class="choices">${ordered
    .map(([score, label]) => `<a href="/s/${esc(token)}?score=${score}"${current === score ? ' aria-current="true"' : ''}>${esc(label)}</a>`)
    .join('')}</div>`;
}

/** The question with one link per rating value, for a visit without a score. */
export function questionPage(l: Lang, s: SurveyRow, token: string, question: string): string {
  return page(l, question, `<h1>${esc(question)}</h1>${choiceLinks(s, l, token, null)}`);
}

/**
 * The page after a rating: the recorded rating (changeable), then an optional comment, a reason
 * and the CES question, posted back to the same link.
 */
export function followUpPage(
  l: Lang,
  s: SurveyRow,
  token: string,
  answer: SurveyAnswerResult,
  opts: { reasons: SurveyReason[]; ces: boolean; saved: boolean; question: string },
): string {
  const label = choices(s.kind, s.scale, l).find(([score]) => score === answer.score)?.[1] ?? String(answer.score);
  const reasons =
    s.kind === 'csat' && opts.reasons.length > 0
      ? `<label for="reason">${esc(surveyText.reasonLabel(l))}</label><select id="reason" name="reason"><option value="">${esc(surveyText.noReason(l))}</option>${opts.reasons
          .map((r) => `<option value="${esc(r.key)}"${answer.reason === r.key ? ' selected' : ''}>${esc(l === 'de' ? r.labelDe : r.labelEn)}</option>`)
          .join('')}</select>`
      : '';
  const [low, high] = surveyText.cesScale(l);
  const ces =
    s.kind === 'csat' && opts.ces
      ? `<fieldset><legend>${esc(surveyText.cesQuestion(l))}</legend><div class="ces"><span class="hint">1 = ${esc(low!)}</span>${[1, 2, 3, 4, 5, 6, 7]
          .map((v) => `<label style="display:inline;font-weight:400;margin:0"><input type="radio" name="ces" value="${v}"${answer.ces === v ? ' checked' : ''}> ${v}</label>`)
          .join('')}<span class="hint">7 = ${esc(high!)}</span></div></fieldset>`
      : '';
  const body = [
    `<h1>${esc(surveyText.thanks(l))}</h1>`,
    opts.saved ? `<p class="notice" role="status">${esc(surveyText.saved(l))}</p>` : '',
    `<p>${esc(surveyText.recorded(l, label))}</p>`,
    `<p class="hint">${esc(surveyText.change(l))}</p>`,
    choiceLinks(s, l, token, answer.score),
    `<form method="post" action="/s/${esc(token)}">`,
    `<label for="comment">${esc(surveyText.commentLabel(l))}</label><textarea id="comment" name="comment" rows="4" maxlength="2000">${esc(answer.comment ?? '')}</textarea>`,
    reasons,
    ces,
    `<button type="submit">${esc(surveyText.send(l))}</button>`,
    `</form>`,
  ].join('\n');
  return page(l, opts.question, body);
}

/** The unsubscribe confirmation: a button, so a link scanner's GET changes nothing. */
export function unsubscribePage(l: Lang, token: string): string {
  return page(
    l,
    surveyText.unsubscribeTitle(l),
    `<h1>${esc(surveyText.unsubscribeTitle(l))}</h1><p>${esc(surveyText.unsubscribeBody(l))}</p><form method="post" action="/s/${esc(token)}/unsubscribe"><button type="submit">${esc(surveyText.unsubscribeButton(l))}</button></form>`,
  );
}
