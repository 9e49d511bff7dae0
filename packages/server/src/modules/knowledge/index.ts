/**
 * The knowledge base: categories, sections and articles in German and English with versions,
 * files and the article sanitizer. The help center, portal and answer bot read through it.
 */
import type { App } from '../../platform/http.ts';
import type { Services } from '../../platform/context.ts';
import { kbStructureRoutes } from './structure-routes.ts';
import { kbArticleRoutes } from './article-routes.ts';
import { kbAttachmentRoutes } from './attachment-routes.ts';

export { sanitizeArticleHtml, articleText } from './article-html.ts';
export { publicAttachment, type KbAttachmentRow } from './attachments.ts';
export { articleUrl, kbFileUrl } from './urls.ts';
export { isKbEditor } from './policies.ts';

/** Every agent-facing knowledge-base route under /api/v1/kb. */
export function knowledgeRoutes(app: App, services: Services): void {
  kbStructureRoutes(app, services);
  kbArticleRoutes(app, services);
  kbAttachmentRoutes(app, services);
}
