/** The new part of a message and whether older quoted history follows it. */
export interface QuoteSplit {
  /** HTML without the quoted history (the whole message when there is none). */
  main: string;
  hasQuote: boolean;
}

const VERB = '(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)';
/** "On … wrote:" (verb last) or "Am … schrieb Name <mail>:" (verb before the name). */
const ATTRIBUTION = new RegExp(`^(on|am|le|el|il|op|em)\\b([\\s\\S]{3,300}${VERB}\\s*:?|[\\s\\S]{3,300}\\b${VERB}\\b[^\\n]{0,200}:)\\s*$`, 'i');
const SEPARATOR = /^-{2,}\s*(original message|ursprüngliche nachricht|forwarded message|weitergeleitete nachricht|message d'origine)\s*-{2,}/i;
const HEADER_BLOCK = /^(from|von|de)\s*:[\s\S]{1,400}\n?\s*(sent|gesendet|date|datum|envoyé)\s*:/i;

function textWithBreaks(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const clone = node.cloneNode(true) as Element;
  for (const br of Array.from(clone.querySelectorAll?.('br') ?? [])) br.replaceWith('\n');
  return clone.textContent ?? '';
}

function isBlank(node: Node): boolean {
  if (node.nodeType === Node.COMMENT_NODE) return true;
  if (node.nodeType === Node.TEXT_NODE) return !(node.textContent ?? '').trim();
  if (node.nodeType !== Node.ELEMENT_NODE) return true;
  const el = node as Element;
  if (el.tagName === 'BR') return true;
  if (el.querySelector('img, table')) return false;
  return !(el.textContent ?? '').trim() && el.tagName !== 'IMG' && el.tagName !== 'HR';
}

function isBlockquote(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'BLOCKQUOTE';
}

function lines(node: Node): string[] {
  return textWithBreaks(node).split('\n').map((l) => l.trim()).filter(Boolean);
}

/** `> quoted` lines (plain-text mail), optionally after an attribution line. */
function isTextQuote(node: Node): boolean {
  const ls = lines(node);
  if (ls.length === 0) return false;
  const body = ls[0].length < 500 && ATTRIBUTION.test(ls[0]) ? ls.slice(1) : ls;
  return body.length > 0 && body.every((l) => l.startsWith('>'));
}

function isAttribution(node: Node): boolean {
  const text = textWithBreaks(node).replace(/\s+/g, ' ').trim();
  return text.length < 400 && ATTRIBUTION.test(text);
}

function startsHistory(node: Node): boolean {
  const text = textWithBreaks(node).trim();
  return SEPARATOR.test(text) || HEADER_BLOCK.test(text);
}

/** Descends through single wrapper elements (`<div><div>…</div></div>`) that mail clients add. */
function container(body: Element): Element {
  let el = body;
  for (let depth = 0; depth < 4; depth++) {
    const meaningful = Array.from(el.childNodes).filter((n) => !isBlank(n));
    if (meaningful.length !== 1 || meaningful[0].nodeType !== Node.ELEMENT_NODE) break;
    const only = meaningful[0] as Element;
    if (!['DIV', 'SECTION', 'ARTICLE', 'CENTER'].includes(only.tagName)) break;
    el = only;
  }
  return el;
}

/** Index where the quoted history starts among `nodes`, or -1. */
function historyStart(nodes: ChildNode[]): number {
  const restIsQuote = (from: number) => nodes.slice(from).every((n) => isBlank(n) || isBlockquote(n) || isTextQuote(n));
  const previousContent = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (!isBlank(nodes[j])) return j;
    return -1;
  };
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (isBlank(n)) continue;
    if (startsHistory(n)) {
      const prev = previousContent(i);
      return prev >= 0 && (nodes[prev] as Element).tagName === 'HR' ? prev : i;
    }
    if ((isBlockquote(n) || isTextQuote(n)) && restIsQuote(i)) {
      const prev = previousContent(i);
      return prev >= 0 && isAttribution(nodes[prev]) ? prev : i;
    }
    if (isAttribution(n) && restIsQuote(i + 1) && nodes.slice(i + 1).some((m) => !isBlank(m))) return i;
  }
  return -1;
}

/**
 * Splits the quoted history off a message: a trailing `<blockquote>` or `> ` lines with their
 * "On … wrote:" / "Am … schrieb …:" line, or everything from an Outlook-style
 * "-----Original Message-----" or "From: … Sent: …" / "Von: … Gesendet: …" block on. Quotes
 * interleaved with new text stay visible, and a message that is only a quote is not collapsed.
 */
export function splitQuoted(html: string): QuoteSplit {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  const root = container(doc.body);
  const nodes = Array.from(root.childNodes);
  const start = historyStart(nodes);
  if (start < 0) return { main: html, hasQuote: false };
  const kept = nodes.slice(0, start);
  if (kept.every(isBlank)) return { main: html, hasQuote: false };
  for (const n of nodes.slice(start)) n.remove();
  return { main: doc.body.innerHTML, hasQuote: true };
}
