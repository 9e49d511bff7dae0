/**
 * Cutting an article into passages an answer can quote: a heading with the paragraphs, list
 * items or table rows under it, each passage short enough to read in a chat bubble.
 */

/** A passage never grows past this many characters (its heading included). */
export const MAX_PASSAGE_CHARS = 600;

export interface Chunk {
  /** The nearest heading above the passage, or '' before the first heading. */
  heading: string;
  /** The passage as plain text: the heading on the first line, then one line per paragraph or item. */
  text: string;
}

interface Block {
  kind: 'heading' | 'text';
  text: string;
}

const BLOCK_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'ul', 'ol', 'table', 'figure', 'div', 'dt', 'dd', 'section']);
const HEADING = /^h[1-6]$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const clean = (s: string) => decode(s).replace(/\s+/g, ' ').trim();

/**
 * The blocks of article HTML in reading order: headings, paragraphs, list items (with a bullet)
 * and table rows (cells separated by a dash). Scripts and styles cannot occur (the HTML is
 * sanitized), and embedded players carry no text.
 */
function blocks(html: string): Block[] {
  const out: Block[] = [];
  const open: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = clean(buffer);
    buffer = '';
    if (!text) return;
    const inner = [...open].reverse().find((t) => BLOCK_TAGS.has(t)) ?? 'p';
    if (HEADING.test(inner)) out.push({ kind: 'heading', text });
    else out.push({ kind: 'text', text: inner === 'li' ? `• ${text}` : text });
  };
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (const m of html.matchAll(tag)) {
    buffer += html.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (name === 'br') buffer += ' ';
    else if (name === 'td' || name === 'th') {
      if (m[1]) buffer += ' – ';
    } else if (BLOCK_TAGS.has(name)) {
      flush();
      if (m[1]) {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.splice(at);
      } else if (!m[3]) open.push(name);
    }
  }
  buffer += html.slice(last);
  flush();
  // A table row ends with the separator of its last cell.
  return out.map((b) => ({ ...b, text: b.text.replace(/\s*–\s*$/, '') }));
}

/** Splits a text longer than `max` at sentence ends (or, for a sentence too long itself, at a space). */
function splitLong(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const sentences = text.match(/[^.!?]+(?:[.!?]+["”»)]?\s*|$)/g) ?? [text];
  const out: string[] = [];
  let current = '';
  for (const raw of sentences) {
    const s = raw.trim();
    if (!s) continue;
    if (current && current.length + 1 + s.length > max) {
      out.push(current);
      current = '';
    }
    if (s.length > max) {
      for (let rest = s; rest; ) {
        const cut = rest.length <= max ? rest.length : Math.max(rest.lastIndexOf(' ', max), Math.floor(max / 2));
        out.push(rest.slice(0, cut).trim());
        rest = rest.slice(cut).trim();
      }
      continue;
    }
    current = current ? `${current} ${s}` : s;
  }
  if (current) out.push(current);
  return out;
}

/**
 * The passages of an article body (sanitized HTML), in reading order. Each passage starts with
 * the heading it stands under, so it makes sense on its own, and collects the following
 * paragraphs, list items or table rows while it stays within `max` characters; a paragraph
 * longer than that is split at sentence ends. A heading with nothing under it is no passage.
 *
 * @example
 * chunkArticle('<h2>Kein Strom</h2><p>Prüfen Sie das Netzteil.</p>')
 * // → [{ heading: 'Kein Strom', text: 'Kein Strom\nPrüfen Sie das Netzteil.' }]
 */
export function chunkArticle(html: string, max = MAX_PASSAGE_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  let heading = '';
  let lines: string[] = [];
  let size = 0;
  const flush = () => {
    if (lines.length > 0) chunks.push({ heading, text: [heading, ...lines].filter(Boolean).join('\n') });
    lines = [];
    size = heading.length;
  };
  for (const block of blocks(html)) {
    if (block.kind === 'heading') {
      flush();
      heading = block.text.slice(0, Math.floor(max / 3));
      size = heading.length;
      continue;
    }
    for (const piece of splitLong(block.text, max - heading.length - 1)) {
      if (lines.length > 0 && size + 1 + piece.length > max) flush();
      lines.push(piece);
      size += 1 + piece.length;
    }
  }
  flush();
  return chunks;
}
