/**
 * Knowledge base search and passages against a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): articles are written through the knowledge base API, then searched the
 * way the help center, the contact form and the answer bot search them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, makeAgent, openTestDatabase, startTestServer, type TestAgent, type TestDatabase, type TestServer } from './harness.ts';
import { expectStatus, makeSection } from './kb-support.ts';
import { planSearch, searchArticles, type KbAudience } from '../src/modules/knowledge/search.ts';
import { bestPassages } from '../src/modules/knowledge/passages.ts';
import { MAX_PASSAGE_CHARS } from '../src/modules/knowledge/search/chunks.ts';

type Status = 'draft' | 'published' | 'internal' | 'archived';

describe('knowledge base search', () => {
  let s: TestServer;
  let admin: TestAgent;
  let sectionId: string;
  const ids: Record<string, string> = {};

  const db = () => s.servus.services.database.db;
  const find = (q: string, audience: KbAudience = 'public', locale: 'de' | 'en' = 'de', limit = 10) => searchArticles(db(), { q, locale, audience, limit });
  const titles = async (q: string, audience: KbAudience = 'public', locale: 'de' | 'en' = 'de') => (await find(q, audience, locale)).map((h) => h.title);
  const keysOf = async (q: string, audience: KbAudience = 'public', locale: 'de' | 'en' = 'de') => {
    const byId = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    return (await find(q, audience, locale)).map((h) => byId.get(h.articleId));
  };

  async function article(key: string, status: Status, de: { title: string; body: string; summary?: string }, en?: { title: string; body: string }) {
    const created = expectStatus(
      await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId, locale: 'de', status, title: de.title, summary: de.summary ?? '', bodyHtml: de.body } }),
      201,
      key,
    );
    if (en) {
      expectStatus(await call(s, 'PUT', `/api/v1/kb/articles/${created.id}/translations/en`, { as: admin, body: { baseVersion: 0, title: en.title, bodyHtml: en.body } }), 200, `${key} en`);
    }
    ids[key] = created.id;
  }

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    ({ sectionId } = await makeSection(s, admin));
    await article(
      'printer',
      'published',
      {
        title: 'Bondrucker BP-80 einrichten',
        summary: 'Den Bondrucker per USB oder Netzwerk mit der Kasse verbinden.',
        body: '<h2>Anschließen</h2><p>Verbinden Sie den Drucker per USB-Kabel mit der Kasse und schalten Sie ihn ein.</p><h2>Testseite</h2><p>Drucken Sie unter Einstellungen eine Testseite, um die Verbindung zu prüfen.</p>',
      },
      { title: 'Setting up the BP-80 receipt printer', body: '<p>Connect the printer to the till with the USB cable and switch it on. Print a test page under Settings.</p>' },
    );
    await article('reprint', 'published', {
      title: 'Belege erneut ausgeben',
      body: '<p>Einen Beleg können Sie jederzeit noch einmal drucken: Öffnen Sie den Verkauf im Journal und tippen Sie auf „Erneut drucken“.</p>',
    });
    await article('password', 'published', {
      title: 'Passwort vergessen',
      summary: 'Ein neues Passwort über den Link per E-Mail festlegen.',
      body: '<h2>Neues Passwort anfordern</h2><p>Klicken Sie auf der Anmeldeseite auf „Passwort vergessen?“ und geben Sie Ihre E-Mail-Adresse ein.</p><h2>Keine E-Mail erhalten?</h2><p>Sehen Sie im Spam-Ordner nach.</p>',
    });
    await article('cancel', 'published', {
      title: 'Vertrag kündigen',
      body: '<p>Sie können Ihren Vertrag zum Ende jedes Monats kündigen. Die Kündigung schicken Sie im Backoffice unter Konto → Vertrag ab.</p>',
    });
    await article('opening-hours', 'published', {
      title: 'Öffnungszeiten des Supports',
      body: '<p>Unser Support ist montags bis freitags von 8 bis 18 Uhr für Sie da. Am Wochenende erreichen Sie uns per E-Mail.</p>',
    });
    await article('internal-refunds', 'internal', {
      title: 'Kulanzerstattung intern freigeben',
      body: '<p>Kulanzerstattungen über 50 Euro gibt die Teamleitung frei. Vermerken Sie den Zahlungsvorgang im Ticket.</p>',
    });
    await article('draft-scanner', 'draft', {
      title: 'Barcodescanner Quasimodo koppeln',
      body: '<p>Der Quasimodo-Scanner wird per Bluetooth gekoppelt.</p>',
    });
    await article('archived-fax', 'archived', {
      title: 'Belege per Telefax senden',
      body: '<p>Das Telefax-Modul wurde eingestellt.</p>',
    });
  });
  after(() => s.close());

  it('finds German words by their stem: "Drucker druckt" finds the article that says "drucken"', async () => {
    const keys = await keysOf('Drucker druckt');
    assert.equal(keys[0], 'printer');
    assert.ok(keys.includes('reprint'), `the article that only says "drucken" is found too: ${keys.join(', ')}`);
    assert.equal((await keysOf('Erneut drucken'))[0], 'reprint');
  });

  it('corrects misspelt words to the words of the articles', async () => {
    assert.equal((await keysOf('Pasword vergesen'))[0], 'password');
    assert.equal((await keysOf('Pastwort'))[0], 'password');
    assert.equal((await keysOf('Bondruker einrichen'))[0], 'printer');
    const plan = await planSearch(db(), 'Pasword', 'de', 'public');
    assert.deepEqual(plan.groups.map((g) => [g.via, g.exact]), [['correction', ['passwort']]]);
  });

  it('finds words typed without umlauts or with them spelt out', async () => {
    for (const q of ['kuendigen', 'kundigen', 'Kündigung', 'KUENDIGUNG']) assert.equal((await keysOf(q))[0], 'cancel', q);
    assert.equal((await keysOf('oeffnungszeiten')).at(0), 'opening-hours');
    assert.equal((await keysOf('offnungszeiten')).at(0), 'opening-hours');
  });

  it('finds German compounds from their parts and parts from their compounds', async () => {
    assert.equal((await keysOf('Drucker'))[0], 'printer', 'the word alone finds the Bondrucker article');
    // "Netzwerkdrucker" appears nowhere; its last part does.
    assert.equal((await keysOf('Netzwerkdrucker verbinden'))[0], 'printer');
  });

  it('ignores the filler of colloquial questions and ranks by how much of the question an article covers', async () => {
    assert.equal((await keysOf('wie kann ich meinen Vertrag kündigen'))[0], 'cancel');
    assert.equal((await keysOf('hallo, wann hat der support am wochenende offen?'))[0], 'opening-hours');
    // Any word may match: an article with one of two words is still found, after the one with both.
    const keys = await keysOf('Passwort Kündigung');
    assert.deepEqual(keys.slice(0, 2).sort(), ['cancel', 'password']);
    assert.deepEqual(await keysOf('wie kann ich'), [], 'stop words alone find nothing');
  });

  it('searches one language only', async () => {
    assert.deepEqual(await keysOf('receipt printer', 'public', 'en'), ['printer']);
    assert.deepEqual(await keysOf('Passwort', 'public', 'en'), []);
  });

  it('never shows internal, draft or archived articles to the public; agents also find internal ones', async () => {
    assert.deepEqual(await titles('Kulanzerstattung'), []);
    assert.deepEqual(await titles('Kulanzerstattung', 'agent'), ['Kulanzerstattung intern freigeben']);
    for (const q of ['Quasimodo', 'Barcodescanner koppeln', 'Telefax']) {
      assert.deepEqual(await titles(q), [], `${q} (public)`);
      assert.deepEqual(await titles(q, 'agent'), [], `${q} (agent)`);
    }
  });

  it('does not correct a public query towards words only internal or draft articles use', async () => {
    // One letter off "Kulanzerstattung" and "Quasimodo": agents get the correction, the public nothing.
    assert.deepEqual(await titles('Kulanzerstatung'), []);
    assert.deepEqual(await titles('Kulanzerstatung', 'agent'), ['Kulanzerstattung intern freigeben']);
    const plan = await planSearch(db(), 'Kulanzerstatung Quasimdo', 'de', 'public');
    assert.ok(plan.groups.every((g) => g.via !== 'correction'), JSON.stringify(plan.groups));
  });

  it('follows the articles as they change: publishing, withdrawing and new words', async () => {
    const id = ids['draft-scanner']!;
    expectStatus(await call(s, 'PATCH', `/api/v1/kb/articles/${id}`, { as: admin, body: { status: 'published' } }), 200);
    assert.deepEqual(await keysOf('Quasimodo'), ['draft-scanner']);
    assert.deepEqual(await keysOf('Quasimdo'), ['draft-scanner'], 'its words are now corrected towards');
    expectStatus(await call(s, 'PATCH', `/api/v1/kb/articles/${id}`, { as: admin, body: { status: 'archived' } }), 200);
    assert.deepEqual(await keysOf('Quasimodo'), []);
    assert.deepEqual(await keysOf('Quasimodo', 'agent'), []);

    const current = expectStatus(await call(s, 'GET', `/api/v1/kb/articles/${ids.reprint}`, { as: admin }), 200);
    expectStatus(
      await call(s, 'PUT', `/api/v1/kb/articles/${ids.reprint}/translations/de`, {
        as: admin,
        body: { baseVersion: current.translations.de.version, title: 'Belege erneut ausgeben', bodyHtml: '<p>Auch Rechnungskopien lassen sich aus dem Journal nachdrucken.</p>' },
      }),
      200,
    );
    assert.equal((await keysOf('Rechnungskopie'))[0], 'reprint');
    assert.equal((await keysOf('Rechnungskopein'))[0], 'reprint', 'a typo of the new word is corrected');
  });

  it('takes any text without failing: operators of the query syntax, quotes, backslashes, long and empty input', async () => {
    const hostile = ["'", '&', '|', '!', ':*', '\\', "'&|!:*\\", "Drucker' & | ! :* \\", "'); drop table kb_articles; --", 'a & !b | c:*', '()', '<->', '"Drucker"', '😀 Drucker 🖨️', '\u0000Drucker', ''];
    for (const q of hostile) {
      for (const audience of ['public', 'agent'] as const) {
        const hits = await find(q, audience);
        assert.ok(Array.isArray(hits), q);
      }
      assert.ok(Array.isArray(await bestPassages(db(), { q, locale: 'de' })), q);
    }
    assert.deepEqual(await find('   '), []);
    assert.deepEqual(await find("'&|!:*\\"), []);
    assert.equal((await find("Drucker' & | ! :* \\"))[0]?.articleId, ids.printer, 'the words around the operators still count');
    const long = `Drucker ${'sehr '.repeat(5000)}lang`;
    assert.equal((await find(long))[0]?.articleId, ids.printer);
    // A pasted text counts with its first twelve words.
    const nonsense = Array.from({ length: 200 }, (_, i) => `zx${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}q`).join(' ');
    assert.equal((await find(`Drucker ${nonsense}`))[0]?.articleId, ids.printer);
    assert.deepEqual(await find(`${nonsense} Drucker`), []);
  });

  it('returns at most the asked number of articles, best first', async () => {
    const hits = await find('Drucker Beleg Passwort Vertrag Support', 'public', 'de', 2);
    assert.equal(hits.length, 2);
    assert.ok(hits[0]!.score >= hits[1]!.score);
  });
});

describe('knowledge base passages', () => {
  let s: TestServer;
  let admin: TestAgent;
  const db = () => s.servus.services.database.db;

  before(async () => {
    s = await startTestServer();
    admin = await makeAgent(s, { role: 'admin' });
    const { sectionId } = await makeSection(s, admin);
    const make = (status: Status, title: string, bodyHtml: string) =>
      call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId, locale: 'de', status, title, bodyHtml } }).then((r) => expectStatus(r, 201, title));
    await make(
      'published',
      'Bondrucker druckt nicht',
      `<p>Wenn der Bondrucker nicht druckt, prüfen Sie zuerst Strom und Papier.</p>
       <h2>Papier falsch eingelegt</h2><p>Thermopapier ist nur auf einer Seite beschichtet. Legen Sie die Rolle so ein, dass das Papier von unten kommt.</p>
       <h2>Lampe blinkt rot</h2><ul><li>Deckel schließen.</li><li>Papierreste aus dem Abschneider entfernen.</li></ul>
       <h2>Lange Anleitung</h2><p>${'Dieser Schritt dauert einen Moment und braucht Geduld. '.repeat(40)}</p>`,
    );
    await make('internal', 'Bondrucker intern tauschen', '<p>Defekte Bondrucker tauschen wir intern gegen ein Leihgerät. Papier liegt bei.</p>');
    await make('draft', 'Bondrucker Entwurf', '<p>Bondrucker Papier Entwurfstext.</p>');
  });
  after(() => s.close());

  it('answers with the passage under the matching heading, from published articles only', async () => {
    const passages = await bestPassages(db(), { q: 'papier falsch herum eingelegt', locale: 'de', limit: 5, perArticle: 5 });
    assert.ok(passages.length > 0);
    assert.equal(passages[0]!.heading, 'Papier falsch eingelegt');
    assert.match(passages[0]!.text, /^Papier falsch eingelegt\nThermopapier ist nur auf einer Seite beschichtet/);
    for (const p of passages) {
      assert.equal(p.title, 'Bondrucker druckt nicht', 'no passage of the internal or draft article');
      assert.ok(p.text.length <= MAX_PASSAGE_CHARS, `${p.text.length} chars`);
      assert.ok(p.coverage > 0 && p.coverage <= 1);
      assert.ok(p.slug);
    }
    const blink = await bestPassages(db(), { q: 'lampe blinkt rot', locale: 'de' });
    assert.match(blink[0]!.text, /^Lampe blinkt rot\n• Deckel schließen\.\n• Papierreste/);
  });

  it('gives one passage per article unless asked for more, and nothing for unknown words', async () => {
    assert.equal((await bestPassages(db(), { q: 'Bondrucker Papier', locale: 'de', limit: 5 })).length, 1);
    assert.ok((await bestPassages(db(), { q: 'Bondrucker Papier', locale: 'de', limit: 5, perArticle: 3 })).length > 1);
    assert.deepEqual(await bestPassages(db(), { q: 'Quantenverschränkung', locale: 'de' }), []);
    assert.deepEqual(await bestPassages(db(), { q: 'Bondrucker', locale: 'en' }), [], 'no German passage for an English question');
  });
});

describe('an empty knowledge base', () => {
  let tdb: TestDatabase;
  before(async () => {
    tdb = await openTestDatabase();
  });
  after(() => tdb.drop());

  it('finds nothing and fails on nothing', async () => {
    const db = tdb.database.db;
    assert.deepEqual(await searchArticles(db, { q: 'Bondrucker druckt nicht', locale: 'de', audience: 'public' }), []);
    assert.deepEqual(await searchArticles(db, { q: 'printer', locale: 'en', audience: 'agent' }), []);
    assert.deepEqual(await bestPassages(db, { q: 'Bondrucker', locale: 'de' }), []);
  });
});
