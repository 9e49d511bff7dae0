import type { JSONContent } from '@tiptap/react';

/**
 * Plain text as editor content: blank lines start a paragraph, single line breaks become hard
 * breaks. Built as nodes, never parsed as HTML, so `<b>` in a customer's name stays text.
 * One paragraph is returned as inline content, so it lands inside the paragraph at the cursor.
 */
export function textToNodes(text: string): JSONContent[] {
  const paragraphs = text.replace(/\r\n?/g, '\n').trim().split(/\n{2,}/).filter((p) => p.trim() !== '');
  const inline = (p: string): JSONContent[] =>
    p.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]);
  if (paragraphs.length === 0) return [];
  if (paragraphs.length === 1) return inline(paragraphs[0]!);
  return paragraphs.map((p) => ({ type: 'paragraph', content: inline(p) }));
}
