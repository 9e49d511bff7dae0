import { Box } from '@mantine/core';
import { toEditorHtml } from './editor-state';

/**
 * Article HTML shown without running anything: a frame with scripts off (already sanitized by
 * the server; the frame is the second line). Its files load through the agents' route.
 */
export function ArticlePreview({ html, title, height = 420 }: { html: string; title: string; height?: number }) {
  const doc = `<!doctype html><meta charset="utf-8"><style>body{font:14px/1.55 system-ui,sans-serif;margin:12px;color:#222}img,video,iframe{max-width:100%}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px}pre{background:#f4f4f5;padding:8px;overflow:auto}</style>${toEditorHtml(html)}`;
  return <Box component="iframe" title={title} sandbox="allow-same-origin" srcDoc={doc} w="100%" h={height} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} />;
}
