/**
 * BENCHMARKS.md is shared: `npm run bench` rewrites the file from its run, and other scripts
 * (`npm run bench:mail`, `npm run bench:chat`, `npm run bench:reports`, `npm run bench:help`) own one section each. These helpers replace one section in place and
 * carry the sections other scripts own across a rewrite.
 */

/** Sections written by scripts other than `npm run bench`. */
export const SECTIONS_OWNED_ELSEWHERE = ['## Mail ingestion', '## Chat', '## Reports', '## Help center'];

/** The range of the section that starts with `heading` (up to the next `## ` heading), or null. */
function sectionRange(doc: string, heading: string): [number, number] | null {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return null;
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const offset = (n: number) => lines.slice(0, n).reduce((s, l) => s + l.length + 1, 0);
  return [offset(start), Math.min(offset(end), doc.length)];
}

/** `doc` with the section `heading` replaced by `section` (which starts with that heading), or with it appended. */
export function spliceSection(doc: string, heading: string, section: string): string {
  const body = `${section.trimEnd()}\n\n`;
  const range = sectionRange(doc, heading);
  if (!range) return `${doc.trimEnd()}\n\n${body}`;
  return doc.slice(0, range[0]) + body + doc.slice(range[1]);
}

/** The freshly rendered document with the sections other scripts own copied over from the old one. */
export function carrySections(oldDoc: string, newDoc: string): string {
  let out = newDoc;
  for (const heading of SECTIONS_OWNED_ELSEWHERE) {
    const range = sectionRange(oldDoc, heading);
    if (range) out = spliceSection(out, heading, oldDoc.slice(range[0], range[1]));
  }
  return out;
}
