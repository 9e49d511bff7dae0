import { esc } from '../../surveys/pages.ts';
import type { HelpCenterTheme, KbLocale } from '../schema.ts';
import { assetUrl } from './assets.ts';

export { esc };

/** Which part of the public site a page belongs to, for the navigation's current item. */
export type PublicArea = 'help' | 'contact' | 'portal';

export interface PublicPageInput {
  lang: KbLocale;
  theme: HelpCenterTheme;
  title: string;
  /** Already escaped HTML of the main content. */
  body: string;
  area: PublicArea;
  /** Meta description (plain text). */
  description?: string;
  /** Absolute URL of this page, for `<link rel=canonical>`. */
  canonical?: string;
  /** The same page in other languages (absolute URLs), for hreflang and the language switch. */
  alternates?: { lang: KbLocale; href: string }[];
  noindex?: boolean;
  /** Extra markup for `<head>` (already safe), e.g. Open Graph tags. */
  head?: string;
  /** Scripts served by the help center itself (`/help/assets/…`), loaded deferred. */
  scripts?: string[];
  /** The signed-in portal customer, shown in the header. */
  customer?: { name: string } | null;
  /** The page for visitors whose language is neither (`hreflang="x-default"`), when there are alternates. */
  xDefault?: string;
  /** Which optional parts of the site are switched on; both are shown when not given. */
  features?: { contact?: boolean; portal?: boolean };
  /** A compact search box in the header, prefilled with the current query (help center pages). */
  headerSearch?: { q: string } | null;
}

/**
 * Public pages run no inline script and load nothing from elsewhere except embedded videos
 * from the allowlisted players and https images in articles.
 */
export const PUBLIC_PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; media-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

const NAV: Record<KbLocale, Record<PublicArea, string>> = {
  de: { help: 'Hilfe-Center', contact: 'Kontakt', portal: 'Meine Anfragen' },
  en: { help: 'Help center', contact: 'Contact us', portal: 'My requests' },
};
const NAV_HREF: Record<PublicArea, (l: KbLocale) => string> = {
  help: (l) => `/help/${l}`,
  contact: (l) => `/help/${l}/contact`,
  portal: () => '/portal',
};
const LANG_NAME: Record<KbLocale, string> = { de: 'Deutsch', en: 'English' };
const SKIP: Record<KbLocale, string> = { de: 'Zum Inhalt springen', en: 'Skip to content' };
const SEARCH: Record<KbLocale, { label: string; button: string }> = {
  de: { label: 'Hilfe-Center durchsuchen', button: 'Suchen' },
  en: { label: 'Search the help center', button: 'Search' },
};
const LANGUAGE: Record<KbLocale, string> = { de: 'Sprache', en: 'Language' };

/** A colour from the theme, or the fallback when it is not a plain hex colour (no CSS injection). */
function color(value: string, fallback: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(value) ? value : fallback;
}

/** A logo URL from the theme when it is https or a path of our own; anything else is dropped. */
function logoSrc(url: string): string | null {
  return /^https:\/\/[^\s"'<>]+$/.test(url) || /^\/help\/files\/[\w./-]+$/.test(url) ? url : null;
}

/** The complete HTML document of a help center or portal page. */
export function renderPublicPage(p: PublicPageInput): string {
  const { lang, theme } = p;
  const primary = color(theme.primaryColor, '#1c5fd4');
  const accent = color(theme.accentColor, '#0f8a5f');
  const logo = logoSrc(theme.logoUrl);
  const alts = p.alternates ?? [];
  const alternates = [
    ...alts.map((a) => `<link rel="alternate" hreflang="${a.lang}" href="${esc(a.href)}">`),
    ...(alts.length > 0 && p.xDefault ? [`<link rel="alternate" hreflang="x-default" href="${esc(p.xDefault)}">`] : []),
  ].join('\n');
  const switcher = alts
    .filter((a) => a.lang !== lang)
    .map((a) => `<a href="${esc(a.href)}" hreflang="${a.lang}" lang="${a.lang}">${LANG_NAME[a.lang]}</a>`)
    .join(' ');
  const shown: Record<PublicArea, boolean> = { help: true, contact: p.features?.contact ?? true, portal: p.features?.portal ?? true };
  const nav = (Object.keys(NAV_HREF) as PublicArea[])
    .filter((area) => shown[area])
    .map((area) => `<a href="${NAV_HREF[area](lang)}"${area === p.area ? ' aria-current="page"' : ''}>${NAV[lang][area]}</a>`)
    .join('');
  const search = p.headerSearch
    ? `<form class="header-search" role="search" action="/help/${lang}/search" method="get"><label class="visually-hidden" for="header-q">${SEARCH[lang].label}</label><input id="header-q" type="search" name="q" value="${esc(p.headerSearch.q)}" maxlength="300" placeholder="${SEARCH[lang].label}"><button type="submit">${SEARCH[lang].button}</button></form>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)} – ${esc(theme.name)}</title>
${p.description ? `<meta name="description" content="${esc(p.description.slice(0, 300))}">` : ''}
${p.noindex ? '<meta name="robots" content="noindex">' : ''}
${p.canonical ? `<link rel="canonical" href="${esc(p.canonical)}">` : ''}
${alternates}
${p.head ?? ''}
<meta name="theme-color" content="${primary}">
<link rel="stylesheet" href="${assetUrl('help.css')}">
<style>:root { --primary: ${primary}; --accent: ${accent}; }</style>
${(p.scripts ?? []).map((s) => `<script src="${esc(s === '/help/assets/help.js' ? assetUrl('help.js') : s)}" defer></script>`).join('\n')}
</head>
<body>
<a class="skip" href="#main">${SKIP[lang]}</a>
<header class="site">
  <div class="bar">
    <a class="brand" href="/help/${lang}">${logo ? `<img src="${esc(logo)}" alt="" height="32">` : ''}<span>${esc(theme.name)}</span></a>
    <nav aria-label="${lang === 'de' ? 'Hauptnavigation' : 'Main'}">${nav}</nav>
    ${switcher ? `<div class="lang" role="group" aria-label="${LANGUAGE[lang]}">${switcher}</div>` : ''}
    ${p.customer ? `<div class="who">${esc(p.customer.name)}</div>` : ''}
  </div>
  ${search}
</header>
<main id="main" tabindex="-1">
${p.body}
</main>
<footer class="site"><span>${esc(theme.name)}</span></footer>
</body>
</html>`;
}
