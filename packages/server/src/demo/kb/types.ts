/**
 * The shape of the demo knowledge base: the help center of a point-of-sale vendor, written as
 * plain data so the demo loader can create it through the knowledge base's own use cases and the
 * search evaluation can measure against the same articles.
 */

/** The languages the demo help center is written in. */
export type KbLang = 'de' | 'en';

/** One language of an article. `body` is simple HTML: p, h2, h3, ul, ol, li, strong, em, a, code, table/tr/th/td, blockquote. */
export interface DemoText {
  title: string;
  summary: string;
  body: string;
}

/** A section inside a category, e.g. "Bondrucker" under "Hardware". */
export interface DemoSection {
  key: string;
  de: { name: string; description: string };
  en: { name: string; description: string };
}

/** A top-level category of the help center; `icon` is a Tabler icon name. */
export interface DemoCategory {
  key: string;
  icon: string;
  de: { name: string; description: string };
  en: { name: string; description: string };
  sections: DemoSection[];
}

/** One article with both of its languages; a few are written in German only. */
export interface DemoArticle {
  /** Stable kebab-case id, e.g. 'bp80-paper-jam'. */
  key: string;
  /** The key of the DemoSection the article sits in. */
  section: string;
  /** Defaults to published; internal articles are for agents only. */
  status?: 'published' | 'internal' | 'draft';
  tags: string[];
  /** Keys of other articles shown as "related". */
  related?: string[];
  video?: { provider: 'youtube' | 'vimeo'; id: string };
  de: DemoText;
  en?: DemoText;
}
