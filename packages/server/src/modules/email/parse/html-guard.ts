/**
 * Linear-time checks that keep hostile HTML away from the shared sanitizer's slow paths
 * (SECURITY 6, 11). Everything here is a single pass with indexOf or an unambiguous regex.
 */

/** Deeper HTML is not sanitized: real mail stays far below, and Chrome flattens past 512. */
export const MAX_HTML_DEPTH = 1000;

const LONG_BLANK_RUN = /(?:[ \t\u00a0]|&(?:nbsp|#0*160|#x0*a0);){65,}/gi;
const BLANK_UNIT = /[ \t\u00a0]|&[^;]*;/g;

/**
 * Cuts every run of more than 64 blanks (spaces, tabs, no-break spaces as characters or
 * entities) to its first 64. htmlToText in platform/sanitize.ts trims blanks before line breaks
 * with a regex that is quadratic in the length of a run, so megabytes of whitespace would hold a
 * worker for many minutes. Rendering only changes for runs longer than 64.
 */
export function shortenBlankRuns(html: string): string {
  return html.replace(LONG_BLANK_RUN, (run) => (run.match(BLANK_UNIT) ?? []).slice(0, 64).join(''));
}

/** Elements that never hold content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements a sibling closes implicitly (li after li), so unclosed runs of them do not nest. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

/**
 * Whether elements nest deeper than `max`, following what an HTML parser builds: a start tag
 * opens an element, an end tag closes down to the nearest open element of its name and is
 * ignored when none is open (so unmatched end tags cannot hide depth). The sanitizer's time
 * grows faster than linearly with depth (600,000 nested `<b>` took over 30 s).
 */
export function htmlNestingExceeds(html: string, max = MAX_HTML_DEPTH): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  for (let i = html.indexOf('<'); i >= 0; ) {
    if (html.startsWith('!--', i + 1)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 47; // "/"
    const start = i + (closing ? 2 : 1);
    let j = start;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    if (j === start) {
      i = html.indexOf('<', j);
      continue;
    }
    const end = html.indexOf('>', j);
    if (end < 0) break;
    const name = html.slice(start, j).toLowerCase();
    if (!VOID.has(name) && !IMPLIED_END.has(name)) {
      if (!closing) {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
        if (stack.length > max) return true;
      } else if (open.get(name)) {
        let popped: string | undefined;
        do {
          popped = stack.pop()!;
          open.set(popped, open.get(popped)! - 1);
        } while (popped !== name);
      }
    }
    i = html.indexOf('<', end + 1);
  }
  return false;
}

/** Rough text of HTML that is not worth sanitizing: tags become spaces, blank runs one space. */
export function stripTags(html: string): string {
  return html
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
