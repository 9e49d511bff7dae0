import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EVAL_QUERIES } from '../../modules/knowledge/eval/queries.ts';
import { DEMO_KB_ARTICLES, DEMO_KB_CATEGORIES, type DemoArticle, type DemoText } from './index.ts';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TAG = /<(\/?)([a-zA-Z0-9]+)([^<>]*)>/g;
const ALLOWED_TAGS = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'code', 'table', 'tr', 'th', 'td', 'blockquote']);

const statusOf = (a: DemoArticle) => a.status ?? 'published';
const published = DEMO_KB_ARTICLES.filter((a) => statusOf(a) === 'published');
const byKey = new Map(DEMO_KB_ARTICLES.map((a) => [a.key, a]));
const sectionKeys = DEMO_KB_CATEGORIES.flatMap((c) => c.sections.map((s) => s.key));

function texts(a: DemoArticle): [string, DemoText][] {
  return a.en ? [['de', a.de], ['en', a.en]] : [['de', a.de]];
}

function plain(html: string): string {
  return html.replace(/<[^>]*>/g, ' ');
}

function wordCount(html: string): number {
  return plain(html)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
}

/** Checks the body against the editor's allowlist and returns what is wrong, if anything. */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('script element');
  if (/\son[a-z]+\s*=/i.test(html)) problems.push('event handler attribute');
  if (/javascript:/i.test(html)) problems.push('javascript: link');
  const stack: string[] = [];
  for (const m of html.matchAll(TAG)) {
    const [, closing, rawName, attrs] = m;
    const name = rawName!.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}> not allowed`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      const attributes = attrs!.trim();
      if (attributes && !(name === 'a' && /^href="(https:\/\/|\/)[^"]*"$/.test(attributes))) problems.push(`<${name} ${attributes}>`);
      stack.push(name);
    }
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (/[<>]/.test(html.replace(TAG, ''))) problems.push('stray angle bracket (escape as &lt; / &gt;)');
  return problems;
}

describe('demo knowledge base: structure', () => {
  it('has 5–6 categories of 2–3 sections with unique kebab-case keys and both languages', () => {
    assert.ok(DEMO_KB_CATEGORIES.length >= 5 && DEMO_KB_CATEGORIES.length <= 6, `${DEMO_KB_CATEGORIES.length} categories`);
    const keys = [...DEMO_KB_CATEGORIES.map((c) => c.key), ...sectionKeys];
    assert.equal(new Set(keys).size, keys.length, 'category and section keys are unique');
    for (const c of DEMO_KB_CATEGORIES) {
      assert.ok(c.sections.length >= 2 && c.sections.length <= 3, `${c.key}: ${c.sections.length} sections`);
      assert.match(c.icon, KEBAB, c.key);
      for (const item of [c, ...c.sections]) {
        assert.match(item.key, KEBAB);
        for (const lang of ['de', 'en'] as const) {
          assert.ok(item[lang].name.trim() && item[lang].description.trim(), `${item.key}/${lang}`);
        }
      }
    }
  });

  it('has at least 45 articles with unique keys, existing sections and the expected status mix', () => {
    assert.ok(DEMO_KB_ARTICLES.length >= 45, `${DEMO_KB_ARTICLES.length} articles`);
    assert.equal(byKey.size, DEMO_KB_ARTICLES.length, 'article keys are unique');
    for (const a of DEMO_KB_ARTICLES) {
      assert.match(a.key, KEBAB);
      assert.ok(sectionKeys.includes(a.section), `${a.key}: unknown section ${a.section}`);
      assert.ok(a.tags.length > 0, `${a.key} has tags`);
      for (const tag of a.tags) assert.match(tag, KEBAB, `${a.key}: tag ${tag}`);
      assert.equal(new Set(a.tags).size, a.tags.length, `${a.key}: duplicate tag`);
    }
    const count = (s: string) => DEMO_KB_ARTICLES.filter((a) => statusOf(a) === s).length;
    assert.ok(count('published') >= 42, `${count('published')} published`);
    assert.ok(count('internal') >= 2 && count('internal') <= 3, `${count('internal')} internal`);
    assert.ok(count('draft') >= 1 && count('draft') <= 2, `${count('draft')} drafts`);
    const bilingual = published.filter((a) => a.en).length;
    assert.ok(bilingual >= 40, `${bilingual} published articles in both languages`);
    assert.ok(published.length - bilingual <= 3, 'at most 3 published articles are German only');
  });

  it('gives every section at least one published article', () => {
    for (const key of sectionKeys) assert.ok(published.some((a) => a.section === key), `section ${key} is empty`);
  });

  it('keeps titles unique per language, so their slugs cannot clash', () => {
    for (const lang of ['de', 'en'] as const) {
      const titles = DEMO_KB_ARTICLES.flatMap((a) => (a[lang] ? [a[lang].title.toLowerCase()] : []));
      assert.equal(new Set(titles).size, titles.length, `${lang} titles are unique`);
    }
  });

  it('links related articles that exist, and published articles only to published ones', () => {
    for (const a of DEMO_KB_ARTICLES) {
      const related = a.related ?? [];
      assert.equal(new Set(related).size, related.length, `${a.key}: duplicate related`);
      for (const r of related) {
        const target = byKey.get(r);
        assert.ok(target, `${a.key}: related ${r} does not exist`);
        assert.notEqual(r, a.key, `${a.key} relates to itself`);
        if (statusOf(a) === 'published') assert.equal(statusOf(target), 'published', `${a.key} links to non-public ${r}`);
      }
    }
  });

  it('has 3–4 well-formed videos on published articles', () => {
    const withVideo = DEMO_KB_ARTICLES.filter((a) => a.video);
    assert.ok(withVideo.length >= 3 && withVideo.length <= 4, `${withVideo.length} videos`);
    for (const a of withVideo) {
      assert.equal(statusOf(a), 'published', a.key);
      const { provider, id } = a.video!;
      assert.match(id, provider === 'youtube' ? /^[A-Za-z0-9_-]{11}$/ : /^\d{6,12}$/, `${a.key}: ${provider} id ${id}`);
    }
  });
});

describe('demo knowledge base: texts', () => {
  it('gives every published article 120–350 words per language, a title and a summary', () => {
    for (const a of published) {
      for (const [lang, t] of texts(a)) {
        const n = wordCount(t.body);
        assert.ok(n >= 120 && n <= 350, `${a.key}/${lang}: ${n} words`);
        assert.ok(t.title.trim().length >= 10 && t.title.length <= 90, `${a.key}/${lang}: title length`);
        assert.ok(t.summary.trim().length >= 30 && t.summary.length <= 200, `${a.key}/${lang}: summary length`);
      }
    }
  });

  it('writes every body in the allowed, well-formed HTML without scripts, handlers or javascript: links', () => {
    for (const a of DEMO_KB_ARTICLES) {
      for (const [lang, t] of texts(a)) {
        assert.deepEqual(htmlProblems(t.body), [], `${a.key}/${lang}`);
        assert.doesNotMatch(`${t.title} ${t.summary}`, /[<>]/, `${a.key}/${lang}: markup in title or summary`);
      }
    }
  });

  it('rejects unsafe or broken markup (the checker itself works)', () => {
    assert.notDeepEqual(htmlProblems('<p onclick="x()">a</p>'), []);
    assert.notDeepEqual(htmlProblems('<p><a href="javascript:alert(1)">a</a></p>'), []);
    assert.notDeepEqual(htmlProblems('<script>alert(1)</script>'), []);
    assert.notDeepEqual(htmlProblems('<p>open'), []);
    assert.notDeepEqual(htmlProblems('<p>1 < 2</p>'), []);
    assert.deepEqual(htmlProblems('<p>Siehe <a href="https://example.com/x">hier</a> &lt;Schlüssel&gt;</p>'), []);
  });
});

describe('search evaluation queries', () => {
  it('has at least 70 queries, 40 German and 25 English, without duplicates', () => {
    const de = EVAL_QUERIES.filter((q) => q.lang === 'de').length;
    const en = EVAL_QUERIES.filter((q) => q.lang === 'en').length;
    assert.ok(EVAL_QUERIES.length >= 70, `${EVAL_QUERIES.length} queries`);
    assert.ok(de >= 40, `${de} German queries`);
    assert.ok(en >= 25, `${en} English queries`);
    const normalized = EVAL_QUERIES.map((q) => q.q.trim().toLowerCase());
    assert.equal(new Set(normalized).size, normalized.length, 'queries are unique');
  });

  it('expects a published article, in the query language, for every query', () => {
    for (const { q, lang, expect } of EVAL_QUERIES) {
      const a = byKey.get(expect);
      assert.ok(a, `"${q}" expects unknown article ${expect}`);
      assert.equal(statusOf(a), 'published', `"${q}" expects ${statusOf(a)} article ${expect}`);
      assert.ok(a[lang], `"${q}" is ${lang} but ${expect} has no ${lang} text`);
    }
  });

  it('spreads over at least 35 articles', () => {
    const distinct = new Set(EVAL_QUERIES.map((q) => q.expect)).size;
    assert.ok(distinct >= 35, `${distinct} distinct articles`);
  });

  it('rarely repeats the expected title: at most 15 % of queries share most of their words with it', () => {
    const close = EVAL_QUERIES.filter(({ q, lang, expect }) => {
      const title = new Set(words(byKey.get(expect)![lang]!.title));
      const query = words(q);
      const shared = query.filter((w) => title.has(w)).length;
      assert.ok(!q.toLowerCase().includes(byKey.get(expect)![lang]!.title.toLowerCase()), `"${q}" copies the title`);
      return query.length > 0 && shared >= 2 && shared / query.length >= 0.6;
    });
    assert.ok(close.length <= EVAL_QUERIES.length * 0.15, `${close.length} queries mirror their title: ${close.map((c) => c.q).join(' | ')}`);
  });
});
