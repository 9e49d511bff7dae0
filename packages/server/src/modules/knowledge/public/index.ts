/**
 * The public help center at /help: server-rendered pages that work without JavaScript, the
 * contact form with article suggestions and spam protection, the sitemap and files, plus the
 * help center settings and the deflection report for agents.
 */
import type { App } from '../../../platform/http.ts';
import type { Services } from '../../../platform/context.ts';
import { helpAssetRoutes } from './assets.ts';
import { helpPageRoutes } from './page-routes.ts';
import { helpContactRoutes } from './contact-routes.ts';
import { helpApiRoutes } from './api-routes.ts';
import { helpSiteRoutes } from './site-routes.ts';

export { renderPublicPage, PUBLIC_PAGE_HEADERS, esc, type PublicPageInput } from './layout.ts';
export { presentHelpCenterSettings } from './api-routes.ts';

/** Every route of the public help center and its admin API. */
export function helpCenterRoutes(app: App, services: Services): void {
  helpAssetRoutes(app);
  helpSiteRoutes(app, services);
  helpPageRoutes(app, services);
  helpContactRoutes(app, services);
  helpApiRoutes(app, services);
}
