import type { DemoArticle } from './types.ts';

/**
 * Articles the public help center never shows: internal ones are the support team's playbook
 * (agents see them in the workspace and the answer bot may not quote them), drafts are
 * still being written.
 */
export const INTERNAL_ARTICLES: DemoArticle[] = [
  {
    key: 'tse-escalation-path',
    section: 'fiscal-law',
    status: 'internal',
    tags: ['tse', 'escalation', 'playbook'],
    related: ['tse-failure', 'tse-explained'],
    de: {
      title: 'Eskalationspfad bei TSE-Ausfällen',
      summary: 'Intern: Wer bei einem TSE-Fehler was tut, in welcher Zeit, und wann aus Einzelfällen eine Störung wird.',
      body: `<p><strong>Nur für das Support-Team.</strong> Ein TSE-Ausfall ist für Kundschaft beunruhigend, aber selten ein Notfall im rechtlichen Sinn. Unser Ziel: beruhigen, Ausfall dokumentieren, TSE innerhalb von 48 Stunden ersetzen.</p>
<h2>1st Level (innerhalb von 15 Minuten)</h2>
<ol>
<li>Ticket auf Priorität <em>dringend</em> setzen und Tag <code>tse-outage</code> vergeben.</li>
<li>Mit der Kundin den Neustart und den Status unter Einstellungen → TSE durchgehen (siehe Hilfeartikel).</li>
<li>Klar sagen: Weiterverkaufen ist erlaubt, der Hinweis auf dem Beleg ist korrekt.</li>
<li>Fehlercode, Seriennummer der Kasse und TSE-Seriennummer ins Ticket schreiben.</li>
</ol>
<h2>Technik (innerhalb von 30 Minuten nach Übergabe)</h2>
<ul>
<li>Bei E-301 nach Neustart: TSE-Protokoll per Fernwartung auslesen.</li>
<li>Bei E-302 und E-303 oder wenn E-301 bleibt: Ersatzkarte aus Lager Nord per Express anstoßen. Bestellung bis 16 Uhr geht am selben Tag raus.</li>
</ul>
<h2>Aus Einzelfällen wird eine Störung</h2>
<p>Melden mehr als fünf Betriebe innerhalb einer Stunde denselben Fehlercode, die Schichtleitung Technik informieren. Sie entscheidet über einen Eintrag auf der Statusseite und einen Textbaustein für alle betroffenen Tickets.</p>
<h3>Nachfassen</h3>
<p>Drei Wochen nach dem Tausch erinnert eine Wiedervorlage die Kundschaft an die ELSTER-Meldung der neuen TSE. Niemals anbieten, die Meldung für die Kundschaft zu übernehmen.</p>`,
    },
    en: {
      title: 'Escalation path for TSE failures',
      summary: 'Internal: who does what when a TSE fails, how fast, and when single cases become an incident.',
      body: `<p><strong>Support team only.</strong> A TSE failure worries customers, but it is rarely an emergency in the legal sense. Our goal: reassure, document the outage, replace the TSE within 48 hours.</p>
<h2>1st Level (within 15 minutes)</h2>
<ol>
<li>Set the ticket to <em>urgent</em> and add the tag <code>tse-outage</code>.</li>
<li>Walk the customer through the restart and the status under Settings → TSE (see the help article).</li>
<li>Say clearly: they may keep selling, and the note on the receipt is correct.</li>
<li>Put the error code, the till's serial number and the TSE serial number in the ticket.</li>
</ol>
<h2>Technical (within 30 minutes of hand-over)</h2>
<ul>
<li>E-301 after a restart: read the TSE log via remote support.</li>
<li>E-302 and E-303, or E-301 that persists: order a replacement card from the north warehouse by express. Orders placed by 4 pm ship the same day.</li>
</ul>
<h2>When single cases become an incident</h2>
<p>If more than five businesses report the same error code within an hour, inform the technical shift lead. They decide on a status page entry and a canned reply for all affected tickets.</p>
<h3>Follow-up</h3>
<p>Three weeks after the swap, a follow-up reminds the customer to report the new TSE through ELSTER. Never offer to file the report for them.</p>`,
    },
  },
  {
    key: 'goodwill-credit-rules',
    section: 'invoices-payment',
    status: 'internal',
    tags: ['goodwill', 'credit-note', 'playbook'],
    related: ['invoice-explained', 'failed-payment-reminder'],
    de: {
      title: 'Kulanzregeln für Gutschriften und Gebühren',
      summary: 'Intern: Welche Kulanz wer ohne Rückfrage gewähren darf und wie sie dokumentiert wird.',
      body: `<p><strong>Nur für das Support-Team.</strong> Kulanz soll schnell und einheitlich sein. Innerhalb dieser Grenzen entscheiden Sie selbst, ohne Rückfrage.</p>
<table>
<tr><th>Anlass</th><th>1st Level</th><th>Billing</th></tr>
<tr><td>Mahn- oder Rücklastschriftgebühr</td><td>einmal in 12 Monaten erlassen</td><td>unbegrenzt bei nachweislich unserem Fehler</td></tr>
<tr><td>Zu viel berechnete Lizenz</td><td>bis 3 Monate rückwirkend</td><td>bis 12 Monate rückwirkend</td></tr>
<tr><td>Ausfall durch unseren Fehler</td><td>–</td><td>anteiliger Monatsbeitrag ab 24 Stunden Ausfall</td></tr>
<tr><td>Expressversand</td><td>wenn eine Eröffnung gefährdet ist</td><td>immer möglich</td></tr>
</table>
<h2>Darüber hinaus</h2>
<p>Alles über 150 € oder außerhalb der Tabelle entscheidet die Teamleitung Billing. Interne Notiz mit Begründung ins Ticket und die Teamleitung erwähnen.</p>
<h2>Dokumentation</h2>
<ul>
<li>Tag <code>goodwill</code> ins Ticket, Betrag und Grund in eine interne Notiz.</li>
<li>Der Kundschaft gegenüber „aus Kulanz“ sagen, nicht „ausnahmsweise“, und keinen Anspruch für die Zukunft andeuten.</li>
<li>Gutschriften immer mit der nächsten Rechnung verrechnen, keine Barauszahlung.</li>
</ul>`,
    },
    en: {
      title: 'Goodwill rules for credits and fees',
      summary: 'Internal: which goodwill gestures who may grant without asking, and how to record them.',
      body: `<p><strong>Support team only.</strong> Goodwill should be quick and consistent. Within these limits you decide yourself, without asking.</p>
<table>
<tr><th>Reason</th><th>1st Level</th><th>Billing</th></tr>
<tr><td>Reminder or returned-debit fee</td><td>waive once in 12 months</td><td>no limit if it was demonstrably our fault</td></tr>
<tr><td>Licence charged by mistake</td><td>up to 3 months back</td><td>up to 12 months back</td></tr>
<tr><td>Outage caused by us</td><td>–</td><td>pro-rata monthly fee from 24 hours of downtime</td></tr>
<tr><td>Express shipping</td><td>when an opening is at risk</td><td>always possible</td></tr>
</table>
<h2>Beyond that</h2>
<p>Anything over €150 or outside the table is decided by the Billing team lead. Add an internal note with the reason to the ticket and mention the team lead.</p>
<h2>Recording it</h2>
<ul>
<li>Tag the ticket <code>goodwill</code> and note amount and reason internally.</li>
<li>Tell the customer it is "a goodwill gesture" and don't suggest any future entitlement.</li>
<li>Always offset credits against the next invoice; no cash payouts.</li>
</ul>`,
    },
  },
  {
    key: 'win-back-offer',
    section: 'plans-cancellation',
    status: 'internal',
    tags: ['cancellation', 'churn', 'playbook'],
    related: ['cancel-contract', 'plans-compared'],
    de: {
      title: 'Gespräch bei Kündigung und Rückgewinnungsangebot',
      summary: 'Intern: Wie wir auf eine Kündigung reagieren, welche Angebote erlaubt sind und wo die Grenze liegt.',
      body: `<p><strong>Nur für das Support-Team.</strong> Eine Kündigung ist wirksam, sobald sie eingeht. Wir fragen einmal nach dem Grund und machen höchstens ein Angebot, niemals Druck.</p>
<h2>Ablauf</h2>
<ol>
<li>Innerhalb eines Werktags antworten: Kündigung bestätigen, Enddatum nennen, einmal nach dem Grund fragen.</li>
<li>Passt ein Angebot zum genannten Grund, es im selben Schritt nennen.</li>
<li>Lehnt die Kundschaft ab oder antwortet nicht, nichts weiter unternehmen.</li>
</ol>
<h2>Erlaubte Angebote</h2>
<ul>
<li><strong>Preis:</strong> Wechsel in den Tarif Starter, drei Monate zum halben Preis.</li>
<li><strong>Saisonbetrieb:</strong> Lizenz bis zu vier Monate pausieren, Daten bleiben erhalten.</li>
<li><strong>Technische Probleme:</strong> kostenlose Einrichtungssitzung mit der Technik (60 Minuten).</li>
</ul>
<h2>Niemals</h2>
<ul>
<li>Die Bestätigung der Kündigung von einem Gespräch abhängig machen.</li>
<li>Angebote außerhalb dieser Liste ohne Rücksprache mit Customer Success.</li>
</ul>
<p>Tag <code>churn-risk</code> vergeben und den Grund in einer internen Notiz festhalten; Customer Success wertet die Gründe monatlich aus.</p>`,
    },
    en: {
      title: 'Handling cancellations and the win-back offer',
      summary: 'Internal: how we respond to a cancellation, which offers are allowed and where the line is.',
      body: `<p><strong>Support team only.</strong> A cancellation takes effect as soon as we receive it. We ask for the reason once and make at most one offer, never any pressure.</p>
<h2>Steps</h2>
<ol>
<li>Reply within one working day: confirm the cancellation, state the end date, ask once for the reason.</li>
<li>If an offer fits the stated reason, mention it in the same message.</li>
<li>If the customer declines or doesn't reply, do nothing further.</li>
</ol>
<h2>Allowed offers</h2>
<ul>
<li><strong>Price:</strong> move to the Starter plan, three months at half price.</li>
<li><strong>Seasonal business:</strong> pause the licence for up to four months, data is kept.</li>
<li><strong>Technical problems:</strong> a free 60-minute setup session with the technical team.</li>
</ul>
<h2>Never</h2>
<ul>
<li>Make confirming the cancellation depend on a call.</li>
<li>Offer anything outside this list without checking with Customer Success.</li>
</ul>
<p>Tag the ticket <code>churn-risk</code> and record the reason in an internal note; Customer Success reviews the reasons monthly.</p>`,
    },
  },
  {
    key: 'table-plan-beta',
    section: 'daily-operations',
    status: 'draft',
    tags: ['table-plan', 'gastronomy', 'beta'],
    related: ['split-payment', 'feature-requests'],
    de: {
      title: 'Tischplan (Beta): offene Rechnungen pro Tisch',
      summary: 'Tische anlegen, Bestellungen einem Tisch zuordnen und später gemeinsam oder getrennt abrechnen.',
      body: `<p>Mit dem Tischplan ordnen Sie Bestellungen einem Tisch zu und rechnen später ab. Die Funktion ist in der Testphase und zunächst für Betriebe im Tarif Business freigeschaltet.</p>
<h2>Tische anlegen</h2>
<ol>
<li>Backoffice → Einstellungen → Tischplan → Raum anlegen (z. B. „Gastraum“, „Terrasse“).</li>
<li>Tische per Ziehen platzieren und nummerieren.</li>
</ol>
<h2>Offene Punkte für diesen Artikel</h2>
<ul>
<li>Screenshots ergänzen, sobald das Design final ist.</li>
<li>Verhalten im Offline-Modus mit der Entwicklung klären.</li>
</ul>`,
    },
    en: {
      title: 'Table plan (beta): open bills per table',
      summary: 'Create tables, assign orders to a table and settle them together or separately later.',
      body: `<p>With the table plan you assign orders to a table and settle the bill later. The feature is in beta and at first only available to businesses on the Business plan.</p>
<h2>Creating tables</h2>
<ol>
<li>Back office → Settings → Table plan → Add room (e.g. "Dining room", "Terrace").</li>
<li>Drag tables into place and number them.</li>
</ol>`,
    },
  },
  {
    key: 'e-invoice-formats',
    section: 'invoices-payment',
    status: 'draft',
    tags: ['e-invoice', 'xrechnung', 'zugferd'],
    related: ['find-invoices'],
    de: {
      title: 'Unsere Rechnungen als E-Rechnung (XRechnung und ZUGFeRD)',
      summary: 'In welchen Formaten wir Rechnungen ausstellen und wie Sie das Format für Ihre Buchhaltung wählen.',
      body: `<p>Seit 2025 müssen Unternehmen in Deutschland E-Rechnungen empfangen können. Unsere Monatsrechnungen erhalten Sie deshalb wahlweise als ZUGFeRD-PDF (PDF mit eingebetteten Daten) oder als reine XRechnung (XML).</p>
<h2>Format wählen</h2>
<p>Abrechnung → Einstellungen → Rechnungsformat. Standard ist ZUGFeRD, das sich wie ein normales PDF öffnen lässt.</p>
<p><em>Noch offen: Leitweg-ID für öffentliche Auftraggeber, Beispiel-Dateien zum Download.</em></p>`,
    },
  },
];
