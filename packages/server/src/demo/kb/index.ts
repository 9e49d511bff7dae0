import { ACCOUNT_ARTICLES } from './articles-account.ts';
import { BILLING_ARTICLES } from './articles-billing.ts';
import { CLOSING_EXPORT_ARTICLES } from './articles-closing-exports.ts';
import { DEVICE_ARTICLES } from './articles-devices.ts';
import { FISCAL_ARTICLES } from './articles-fiscal.ts';
import { GETTING_STARTED_ARTICLES } from './articles-getting-started.ts';
import { INTERNAL_ARTICLES } from './articles-internal.ts';
import { PRINTER_CARD_ARTICLES } from './articles-printer-card.ts';
import { SOFTWARE_ARTICLES } from './articles-software.ts';
import type { DemoArticle } from './types.ts';

export { DEMO_KB_CATEGORIES } from './categories.ts';
export type { DemoArticle, DemoCategory, DemoSection, DemoText, KbLang } from './types.ts';

/** Every article of the demo help center, in the order of the categories they belong to. */
export const DEMO_KB_ARTICLES: DemoArticle[] = [
  ...GETTING_STARTED_ARTICLES,
  ...ACCOUNT_ARTICLES,
  ...BILLING_ARTICLES,
  ...PRINTER_CARD_ARTICLES,
  ...DEVICE_ARTICLES,
  ...FISCAL_ARTICLES,
  ...CLOSING_EXPORT_ARTICLES,
  ...SOFTWARE_ARTICLES,
  ...INTERNAL_ARTICLES,
];
