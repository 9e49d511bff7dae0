/** What the visitor reads of a passage at most; longer passages are cut at a sentence end. */
export const READABLE = 480;

/**
 * A passage shortened for a chat bubble: whole sentences up to `max` characters (at least the
 * first one, cut with an ellipsis if it alone is too long).
 */
export function readable(passage: string, max = READABLE): string {
  const text = passage.trim();
  if (text.length <= max) return text;
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+["”»)]?|\n|$)\s*/g) ?? [text];
  let out = '';
  for (const s of sentences) {
    if ((out + s).trimEnd().length > max) break;
    out += s;
  }
  out = out.trim();
  if (out.length >= Math.min(120, max / 3)) return out;
  return `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
