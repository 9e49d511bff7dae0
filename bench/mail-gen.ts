/**
 * Small realistic support mails for `npm run bench:mail`: plain text with a small HTML
 * alternative (about 2–3 KB on the wire), German and English, from a few hundred customers at
 * fifty domains. A share of them are replies ("Re: [#N] …") from the requester of an existing
 * ticket, which the server threads by the ticket number in the subject.
 */
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { prng } from './seed.ts';

export const CHANNEL_ADDRESS = 'support@firma.example';

const DOMAINS = Array.from({ length: 50 }, (_, i) => `kunde${i}.example`);
const FIRST = ['Jürgen', 'Anna', 'Mehmet', 'Sophie', 'Lukas', 'Marie', 'Jonas', 'Lea', 'Paul', 'Emma', 'Ahmet', 'Zoë'];
const LAST = ['Müller', 'Schmidt', 'Yılmaz', 'Weber', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch'];
const TOPICS = [
  ['Drucker im 2. Stock druckt nicht', 'der Drucker im zweiten Stock zeigt seit heute Morgen „Papierstau“, obwohl kein Papier klemmt.'],
  ['Bestellung noch nicht angekommen', 'meine Bestellung ist leider noch nicht angekommen, obwohl die Lieferung für letzte Woche angekündigt war.'],
  ['Rechnung doppelt abgebucht', 'die Rechnung für März wurde zweimal von unserem Konto abgebucht. Bitte erstatten Sie den doppelten Betrag.'],
  ['Cannot log in after password reset', 'after resetting my password yesterday I cannot log in any more; the page just reloads without an error.'],
  ['VPN disconnects every few minutes', 'the VPN client drops the connection every five to ten minutes since the last update.'],
  ['Frage zum Wartungsvertrag', 'wir möchten den Wartungsvertrag um zwei weitere Standorte erweitern. Was kostet das?'],
  ['Invoice address needs to change', 'our company moved; please send all future invoices to the new address below.'],
  ['Lizenzschlüssel funktioniert nicht', 'der Lizenzschlüssel aus Ihrer E-Mail wird bei der Aktivierung als ungültig abgelehnt.'],
] as const;

export interface Customer {
  name: string;
  email: string;
}

/** The i-th customer (deterministic). */
export function customer(i: number): Customer {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  return { name, email: `kunde${i}@${DOMAINS[i % DOMAINS.length]}` };
}

/** One mail to send: nodemailer options. `reply` names the ticket it answers. */
export interface BenchMail {
  options: Mail.Options;
  reply: number | null;
}

function body(topic: string, i: number, from: Customer, reply: boolean) {
  const order = 100_000 + i;
  const lines = [
    'Sehr geehrte Damen und Herren,',
    '',
    reply ? `danke für die schnelle Antwort. Leider besteht das Problem weiterhin: ${topic}` : topic,
    `Unsere Kundennummer ist ${order}, der Vorgang betrifft den Standort ${['Berlin', 'Wien', 'Zürich', 'Hamburg'][i % 4]}.`,
    'Können Sie bitte nachsehen und uns kurz Bescheid geben? Ein Screenshot folgt bei Bedarf.',
    '',
    'Mit freundlichen Grüßen',
    from.name,
    `Tel. +49 30 ${String(1_000_000 + i * 7).slice(0, 7)}`,
  ];
  const text = lines.join('\n');
  const html =
    `<html><body style="font-family:Arial,sans-serif;font-size:14px">` +
    lines.map((l) => (l ? `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>` : '<br>')).join('') +
    `<p style="color:#888;font-size:11px">${from.name} · <a href="https://www.${from.email.split('@')[1]}/">${from.email.split('@')[1]}</a></p>` +
    `</body></html>`;
  return { text, html };
}

/**
 * `count` mails, mail i starting at `offset` (so runs do not repeat senders or Message-IDs). A
 * share `replyShare` are replies to one of `tickets` (number and requester) from that requester.
 */
export function makeMails(count: number, opts: { offset: number; replyShare: number; tickets: { number: number; subject: string; requester: string }[] }): BenchMail[] {
  const out: BenchMail[] = [];
  const rng = prng(opts.offset + 1);
  for (let k = 0; k < count; k++) {
    const i = opts.offset + k;
    const asReply = opts.tickets.length > 0 && rng() < opts.replyShare;
    const headers = { 'X-Mailer': 'Microsoft Outlook 16.0' };
    const messageId = `<${crypto.randomBytes(10).toString('hex')}.${i}@mail.bench.example>`;
    if (asReply) {
      const t = opts.tickets[Math.floor(rng() * opts.tickets.length)]!;
      const from = { name: t.requester.split('@')[0]!, email: t.requester };
      const { text, html } = body(t.subject, i, from, true);
      out.push({
        reply: t.number,
        options: { from: { name: from.name, address: from.email }, to: CHANNEL_ADDRESS, subject: `AW: [#${t.number}] ${t.subject}`, text, html, messageId, headers },
      });
    } else {
      const from = customer(i);
      const [subject, topic] = TOPICS[i % TOPICS.length]!;
      const { text, html } = body(topic, i, from, false);
      out.push({
        reply: null,
        options: { from: { name: from.name, address: from.email }, to: CHANNEL_ADDRESS, subject: `${subject} (${i})`, text, html, messageId, headers },
      });
    }
  }
  return out;
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** The raw RFC 5322 bytes nodemailer would send for `options`. */
export async function rawOf(options: Mail.Options): Promise<Buffer> {
  const info = (await composer.sendMail(options)) as unknown as { message: Buffer };
  return info.message;
}

/** A mail with one `mib` MiB attachment of random (incompressible) bytes. */
export function bigMail(mib: number, i: number): Mail.Options {
  const from = customer(i);
  return {
    from: { name: from.name, address: from.email },
    to: CHANNEL_ADDRESS,
    subject: `Scan der Unterlagen (${mib} MB)`,
    text: 'Anbei der Scan der Unterlagen.\n\nMit freundlichen Grüßen\n' + from.name,
    html: `<p>Anbei der Scan der Unterlagen.</p><p>Mit freundlichen Grüßen<br>${from.name}</p>`,
    attachments: [{ filename: 'scan.pdf', contentType: 'application/pdf', content: crypto.randomBytes(mib * 1024 * 1024) }],
  };
}

