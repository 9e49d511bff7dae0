import { Node, mergeAttributes } from '@tiptap/react';

/**
 * The article editor's own nodes for what the ticket composer does not need: images, embedded
 * players, uploaded videos and tables. Tables are kept as written (no table editing), so an
 * article with a table survives being edited. The server sanitizes whatever they render.
 */

const attr = (name: string) => ({ default: null, parseHTML: (el: HTMLElement) => el.getAttribute(name), renderHTML: (a: Record<string, unknown>) => (a[name] ? { [name]: a[name] } : {}) });

export const ArticleImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({ src: attr('src'), alt: attr('alt'), width: attr('width'), height: attr('height') }),
  parseHTML: () => [{ tag: 'img[src]' }],
  renderHTML: ({ HTMLAttributes }) => ['img', HTMLAttributes],
});

/** A YouTube (no-cookie) or Vimeo player. */
export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({ src: attr('src'), title: attr('title') }),
  parseHTML: () => [{ tag: 'iframe[src]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'iframe',
    mergeAttributes(HTMLAttributes, { allowfullscreen: '', loading: 'lazy', referrerpolicy: 'strict-origin-when-cross-origin', sandbox: 'allow-scripts allow-same-origin allow-presentation', width: '560', height: '315' }),
  ],
});

/** A video file uploaded to the knowledge base. */
export const VideoFile = Node.create({
  name: 'videoFile',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({ src: attr('src') }),
  parseHTML: () => [{ tag: 'video[src]' }],
  renderHTML: ({ HTMLAttributes }) => ['video', mergeAttributes(HTMLAttributes, { controls: '', preload: 'metadata' })],
});

const span = () => ({ colspan: attr('colspan'), rowspan: attr('rowspan') });

export const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => ['table', HTMLAttributes, ['tbody', 0]],
});

export const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableHeader | tableCell)+',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: ({ HTMLAttributes }) => ['tr', HTMLAttributes, 0],
});

export const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'block+',
  isolating: true,
  addAttributes: span,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: ({ HTMLAttributes }) => ['th', HTMLAttributes, 0],
});

export const TableCell = Node.create({
  name: 'tableCell',
  content: 'block+',
  isolating: true,
  addAttributes: span,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: ({ HTMLAttributes }) => ['td', HTMLAttributes, 0],
});

export const ARTICLE_NODES = [ArticleImage, VideoEmbed, VideoFile, Table, TableRow, TableHeader, TableCell];
