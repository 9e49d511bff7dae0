/**
 * Helpers for the answer bot tests: a small help center made through the knowledge-base API
 * (published articles in German and English, plus an internal one and a draft that must never
 * reach a customer), the bot's settings, and a visitor chatting with it over a real WebSocket.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, type TestAgent, type TestServer } from './harness.ts';
import { newVisitor, say, visitorSocket, type Socket } from './chat-support.ts';

interface Text {
  title: string;
  summary: string;
  body: string;
}

interface FixtureArticle {
  key: string;
  status: 'published' | 'internal' | 'draft';
  de: Text;
  en?: Text;
}

export const KB: FixtureArticle[] = [
  {
    key: 'printer',
    status: 'published',
    de: {
      title: 'Bondrucker druckt nicht',
      summary: 'Wenn der Bondrucker keine Belege druckt: Papierrolle und Verbindung prüfen.',
      body: `<p>Wenn der Bondrucker keine Belege mehr druckt, liegt es fast immer an der Papierrolle oder an der Verbindung zur Kasse.</p>
<h2>Papierrolle prüfen</h2>
<p>Öffnen Sie die Klappe des Bondruckers und legen Sie die Thermopapierrolle so ein, dass die beschichtete Seite zum Druckkopf zeigt. Ziehen Sie etwa zehn Zentimeter Papier heraus und schließen Sie die Klappe, bis sie hörbar einrastet.</p>
<h2>Verbindung zur Kasse</h2>
<p>Leuchtet die Anzeige am Drucker rot, schalten Sie ihn aus und nach zehn Sekunden wieder ein. Unter Einstellungen → Geräte sehen Sie, ob die Kasse den Drucker erkennt.</p>`,
    },
    en: {
      title: 'Receipt printer does not print',
      summary: 'When the receipt printer prints no receipts: check the paper roll and the connection.',
      body: `<p>When the receipt printer stops printing receipts, the cause is almost always the paper roll or the connection to the till.</p>
<h2>Check the paper roll</h2>
<p>Open the cover of the receipt printer and insert the thermal paper roll with the coated side facing the print head. Pull out about ten centimetres of paper and close the cover until it clicks into place.</p>
<h2>Connection to the till</h2>
<p>If the light on the printer is red, switch it off and on again after ten seconds. Under Settings → Devices you can see whether the till recognises the printer.</p>`,
    },
  },
  {
    key: 'password',
    status: 'published',
    de: {
      title: 'Passwort vergessen: neues Passwort festlegen',
      summary: 'Passwort über den Link per E-Mail zurücksetzen.',
      body: `<p>Klicken Sie auf der Anmeldeseite auf „Passwort vergessen?“ und geben Sie die E-Mail-Adresse Ihres Kontos ein. Sie erhalten innerhalb weniger Minuten einen Link, mit dem Sie ein neues Passwort mit mindestens zwölf Zeichen festlegen.</p>
<h2>Es kommt keine E-Mail an</h2>
<p>Schauen Sie im Spam-Ordner nach. Der Link ist 24 Stunden gültig und funktioniert nur einmal.</p>`,
    },
    en: {
      title: 'Forgot your password: setting a new one',
      summary: 'Reset your password with the emailed link.',
      body: `<p>On the login page, click "Forgot password?" and enter your account's email address. Within a few minutes you receive a link to set a new password of at least twelve characters.</p>
<h2>No email arrives</h2>
<p>Look in your spam folder. The link is valid for 24 hours and works once.</p>`,
    },
  },
  {
    key: 'invoice',
    status: 'published',
    de: {
      title: 'Rechnung als PDF herunterladen',
      summary: 'Alle Rechnungen finden Sie im Backoffice unter Konto → Rechnungen.',
      body: `<p>Alle Rechnungen finden Sie im Backoffice unter Konto → Rechnungen. Klicken Sie neben der gewünschten Rechnung auf „PDF“, um sie herunterzuladen.</p>`,
    },
    en: {
      title: 'Downloading your invoice as a PDF',
      summary: 'All invoices are in the back office under Account → Invoices.',
      body: `<p>All invoices are in the back office under Account → Invoices. Click "PDF" next to the invoice to download it.</p>`,
    },
  },
  {
    key: 'internal',
    status: 'internal',
    de: {
      title: 'Passwort vergessen: Kundenkonto am Telefon entsperren (intern)',
      summary: 'Nur für den Support.',
      body: `<p>Passwort vergessen? Am Telefon prüfen wir die Kundennummer und entsperren das Konto im Admin-Werkzeug. Nie an Kunden weitergeben.</p>`,
    },
  },
  {
    key: 'draft',
    status: 'draft',
    de: {
      title: 'Passwort vergessen: neue Regeln ab 2027 (Entwurf)',
      summary: 'Noch nicht freigegeben.',
      body: `<p>Passwort vergessen: Ab 2027 gelten neue Regeln für Passwörter. Entwurf, nicht veröffentlichen.</p>`,
    },
  },
];

export interface SeededArticle {
  id: string;
  slug: { de: string; en?: string };
}

/** Creates the fixture help center through the knowledge-base API as an admin. */
export async function seedKb(s: TestServer, admin: TestAgent): Promise<Record<string, SeededArticle>> {
  const cat = await call(s, 'POST', '/api/v1/kb/categories', { as: admin, body: { names: { de: 'Hilfe', en: 'Help' }, slug: `hilfe-${randomUUID().slice(0, 6)}` } });
  assert.equal(cat.status, 201, JSON.stringify(cat.body));
  const section = await call(s, 'POST', '/api/v1/kb/sections', { as: admin, body: { categoryId: cat.body.id, names: { de: 'Häufige Fragen', en: 'Common questions' }, slug: `faq-${randomUUID().slice(0, 6)}` } });
  assert.equal(section.status, 201, JSON.stringify(section.body));
  const out: Record<string, SeededArticle> = {};
  for (const a of KB) {
    const created = await call(s, 'POST', '/api/v1/kb/articles', { as: admin, body: { sectionId: section.body.id, locale: 'de', status: a.status, title: a.de.title, summary: a.de.summary, bodyHtml: a.de.body } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const slug: SeededArticle['slug'] = { de: slugOf(created.body, 'de') };
    if (a.en) {
      const en = await call(s, 'PUT', `/api/v1/kb/articles/${created.body.id}/translations/en`, { as: admin, body: { baseVersion: 0, title: a.en.title, summary: a.en.summary, bodyHtml: a.en.body } });
      assert.equal(en.status, 200, JSON.stringify(en.body));
      slug.en = en.body.slug;
    }
    out[a.key] = { id: created.body.id, slug };
  }
  return out;
}

function slugOf(article: any, locale: 'de' | 'en'): string {
  const slug = article.translations?.[locale]?.slug;
  assert.ok(slug, `the article answer names its ${locale} slug: ${JSON.stringify(article).slice(0, 300)}`);
  return slug;
}

/** Changes the bot settings as the admin and returns them. */
export async function setBot(s: TestServer, admin: TestAgent, body: Record<string, unknown>) {
  const res = await call(s, 'PATCH', '/api/v1/bot/settings', { as: admin, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** A visitor chatting on `channelId` in `locale`, with helpers to ask the bot and wait for what it says. */
export async function botVisitor(s: TestServer, base: string, channelId: string, locale: 'de' | 'en') {
  const v = await newVisitor(s, channelId, { locale });
  const sock: Socket = await visitorSocket(base, v.token);
  sock.send({ type: 'hello', lastSeq: 0 });
  await sock.waitFor((m) => m.type === 'welcome', 'welcome');
  let ticketId = '';
  let botSeen = 0;
  const bots = () => sock.received.filter((m) => m.type === 'message' && m.message.author === 'bot');
  return {
    token: v.token,
    sock,
    get ticketId() {
      return ticketId;
    },
    /** Sends a message and returns the bot's next message. */
    async ask(text: string) {
      const clientId = randomUUID();
      sock.send(say(text, clientId));
      const ack = await sock.waitFor((m) => m.type === 'ack' && m.clientId === clientId, 'ack');
      if (!ticketId) {
        const [row] = (await s.servus.services.database.raw.executeSql('select ticket_id from messages where id = $1', [ack.id])).rows;
        ticketId = row.ticket_id as string;
      }
      return this.nextBot();
    },
    /** The bot's next message not returned before. */
    async nextBot() {
      await sock.waitFor(() => bots().length > botSeen, 'a bot message');
      return bots()[botSeen++].message;
    },
    action(action: 'yes' | 'no' | 'human') {
      sock.send({ type: 'bot', action });
    },
    close: () => sock.close(),
  };
}
