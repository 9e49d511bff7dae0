import type { DemoArticle } from './types.ts';

/** Invoices, payment methods, plans and cancellation. */
export const BILLING_ARTICLES: DemoArticle[] = [
  {
    key: 'find-invoices',
    section: 'invoices-payment',
    tags: ['invoice', 'billing', 'accounting'],
    related: ['invoice-explained', 'datev-export'],
    de: {
      title: 'Rechnungen finden, herunterladen und Rechnungsadresse ändern',
      summary: 'Alle Rechnungen als PDF im Backoffice, automatischer Versand an die Buchhaltung und eine neue Rechnungsanschrift.',
      body: `<p>Ihre Monatsrechnung erstellen wir jeweils am 25. für den Folgemonat und schicken sie per E-Mail an die hinterlegte Rechnungsadresse. Hardware wie Drucker oder Kartenleser rechnen wir separat ab, sobald die Ware versendet ist.</p>
<h2>Alle Rechnungen an einem Ort</h2>
<p>Im Backoffice unter <strong>Abrechnung → Rechnungen</strong> finden Sie jede Rechnung seit Vertragsbeginn als PDF. Mit <strong>Alle herunterladen</strong> erhalten Sie ein ZIP-Archiv für ein ganzes Jahr, praktisch für den Jahresabschluss.</p>
<h2>Rechnungen direkt an die Buchhaltung</h2>
<ol>
<li>Öffnen Sie <strong>Abrechnung → Einstellungen</strong>.</li>
<li>Tragen Sie unter <strong>Rechnungsempfänger</strong> bis zu drei Adressen ein, z. B. Ihre Buchhaltung und Ihr Steuerbüro.</li>
<li>Speichern. Ab der nächsten Rechnung gehen Kopien an alle Adressen.</li>
</ol>
<h2>Rechnungsanschrift oder Firmenname ändern</h2>
<p>Die Anschrift auf der Rechnung kommt aus <strong>Konto → Unternehmensdaten</strong>. Änderungen gelten für alle künftigen Rechnungen. Bereits erstellte Rechnungen dürfen wir nur bei einem echten Fehler korrigieren, etwa bei einem falsch geschriebenen Firmennamen. Dann stellen wir eine Rechnungskorrektur aus; schreiben Sie uns dazu mit der Rechnungsnummer.</p>
<h3>Rechnung fehlt?</h3>
<p>Schauen Sie zuerst im Backoffice nach, dort liegt sie in jedem Fall. Fehlt sie in Ihrem Postfach, ging sie vermutlich an eine alte Adresse oder in den Spam-Ordner. Per Post verschicken wir Rechnungen nur noch auf ausdrücklichen Wunsch.</p>`,
    },
    en: {
      title: 'Finding and downloading invoices, changing the billing address',
      summary: 'Every invoice as a PDF in the back office, automatic copies to your bookkeeper and a new billing address.',
      body: `<p>We create your monthly invoice on the 25th for the following month and email it to the billing address on file. Hardware such as printers or card readers is invoiced separately once it has shipped.</p>
<h2>All invoices in one place</h2>
<p>In the back office under <strong>Billing → Invoices</strong> you find every invoice since the start of your contract as a PDF. <strong>Download all</strong> gives you a ZIP archive for a whole year, handy for your annual accounts.</p>
<h2>Sending invoices straight to your bookkeeper</h2>
<ol>
<li>Open <strong>Billing → Settings</strong>.</li>
<li>Under <strong>Invoice recipients</strong>, add up to three addresses, such as your bookkeeper and your tax adviser.</li>
<li>Save. From the next invoice on, copies go to all of them.</li>
</ol>
<h2>Changing the billing address or company name</h2>
<p>The address on your invoices comes from <strong>Account → Company details</strong>. Changes apply to all future invoices. We may only correct invoices that have already been issued if they contain a genuine mistake, such as a misspelt company name. In that case we issue a corrected invoice; just send us the invoice number.</p>
<h3>Invoice missing?</h3>
<p>Check the back office first: it is always there. If it never reached your inbox, it probably went to an old address or the spam folder. We only send invoices by post if you explicitly ask us to.</p>`,
    },
  },
  {
    key: 'invoice-explained',
    section: 'invoices-payment',
    tags: ['invoice', 'licences', 'credit-note'],
    related: ['find-invoices', 'change-plan', 'double-charge-refund'],
    de: {
      title: 'Ihre Rechnung erklärt: Lizenzen, anteilige Beträge und Gutschriften',
      summary: 'Warum ein Betrag höher ist als erwartet und wie Sie jede Position auf Ihrer Monatsrechnung nachvollziehen.',
      body: `<p>Die Monatsrechnung hat drei Blöcke. Wenn ein Betrag überrascht, steckt die Erklärung fast immer in einem davon.</p>
<h2>1. Kassenlizenzen</h2>
<p>Sie zahlen pro aktiver Kasse, nicht pro Filiale. Jede Zeile nennt die Seriennummer der Kasse (SN-…). Eine Kasse gilt als aktiv, bis sie unter <strong>Verträge → Lizenzen</strong> abgemeldet ist. Eine Kasse, die nur im Lager steht, kostet also weiter, solange sie nicht abgemeldet wurde.</p>
<h2>2. Anteilige Beträge</h2>
<p>Wechseln Sie mitten im Monat den Tarif oder kommt eine Kasse hinzu, berechnen wir die Differenz tagesgenau. Die Zeile heißt dann z. B. „Tarifwechsel Plus → Business, 12.–31.03., anteilig“. Sie erscheint auf der folgenden Rechnung, die dadurch einmalig höher ist.</p>
<h2>3. Gutschriften und Einmalposten</h2>
<p>Gutschriften, etwa für eine zu viel berechnete Lizenz, stehen mit Minus-Betrag am Ende und werden automatisch verrechnet. Einmalposten sind zum Beispiel Expressversand oder eine Einrichtung vor Ort.</p>
<h3>Ist etwas falsch berechnet?</h3>
<ol>
<li>Vergleichen Sie die Seriennummern auf der Rechnung mit den Kassen, die Sie tatsächlich nutzen (<strong>Einstellungen → Info</strong> an der Kasse).</li>
<li>Schreiben Sie uns mit Rechnungsnummer und den betroffenen Seriennummern.</li>
</ol>
<p>Berechtigte Korrekturen schreiben wir Ihnen als Gutschrift auf der nächsten Rechnung gut. Alle Preise verstehen sich zuzüglich 19 % Umsatzsteuer.</p>`,
    },
    en: {
      title: 'Your invoice explained: licences, pro-rata amounts and credit notes',
      summary: 'Why an amount is higher than expected, and how to trace every line on your monthly invoice.',
      body: `<p>The monthly invoice has three blocks. When an amount surprises you, the explanation is almost always in one of them.</p>
<h2>1. Till licences</h2>
<p>You pay per active till, not per location. Each line shows the till's serial number (SN-…). A till counts as active until it has been deregistered under <strong>Contracts → Licences</strong>, so a till sitting in the storeroom keeps costing money until you deregister it.</p>
<h2>2. Pro-rata amounts</h2>
<p>If you change plans mid-month or add a till, we charge the difference to the day. The line reads, for example, "Plan change Plus → Business, 12–31 March, pro rata". It appears on the following invoice, which is higher as a one-off.</p>
<h2>3. Credit notes and one-off items</h2>
<p>Credit notes, for example for a licence charged by mistake, appear at the end with a minus amount and are offset automatically. One-off items include express shipping or an on-site setup.</p>
<h3>Something charged wrongly?</h3>
<ol>
<li>Compare the serial numbers on the invoice with the tills you actually use (<strong>Settings → About</strong> on the till).</li>
<li>Write to us with the invoice number and the serial numbers concerned.</li>
</ol>
<p>Justified corrections are credited on your next invoice. All prices are subject to 19 % German VAT.</p>`,
    },
  },
  {
    key: 'sepa-mandate-bank-change',
    section: 'invoices-payment',
    tags: ['sepa', 'direct-debit', 'bank-details'],
    related: ['failed-payment-reminder', 'credit-card-payment'],
    de: {
      title: 'Bankverbindung ändern und SEPA-Lastschriftmandat erteilen',
      summary: 'Neue IBAN hinterlegen, damit der Monatsbeitrag weiter per Lastschrift eingezogen wird.',
      body: `<p>Standardmäßig ziehen wir den Monatsbeitrag per SEPA-Lastschrift ein, jeweils am 1. des Monats. Wechseln Sie die Bank, braucht es ein neues Mandat, denn ein Mandat gilt immer nur für ein bestimmtes Konto.</p>
<h2>Neue Bankverbindung eintragen</h2>
<ol>
<li>Melden Sie sich mit einem Konto mit der Rolle „Inhaber“ im Backoffice an.</li>
<li>Öffnen Sie <strong>Abrechnung → Zahlungsart</strong> und klicken Sie auf <strong>Bankverbindung ändern</strong>.</li>
<li>Geben Sie Kontoinhaber und IBAN ein. Die BIC ergänzen wir automatisch.</li>
<li>Bestätigen Sie das Lastschriftmandat mit einem Klick. Sie erhalten das Mandat mit Ihrer Mandatsreferenz als PDF per E-Mail.</li>
</ol>
<h2>Wann gilt die neue IBAN?</h2>
<p>Änderungen bis zum 25. eines Monats gelten schon für die nächste Abbuchung. Danach ist der Einzug für den Folgemonat meist bereits bei der Bank eingereicht und läuft noch über das alte Konto. Lassen Sie das alte Konto deshalb nicht sofort schließen, sonst geht die Lastschrift zurück und es fallen Bankgebühren an.</p>
<h3>Gut zu wissen</h3>
<ul>
<li>Auf Ihrem Kontoauszug erscheint als Zahlungsempfänger unser Zahlungsdienstleister mit unserer Gläubiger-ID und Ihrer Mandatsreferenz.</li>
<li>Firmenlastschrift (B2B-Mandat) bieten wir auf Wunsch an; dafür muss Ihre Bank das Mandat vorher bestätigen.</li>
<li>Lieber per Kreditkarte zahlen? Das stellen Sie auf derselben Seite um.</li>
</ul>`,
    },
    en: {
      title: 'Changing bank details and the SEPA direct debit mandate',
      summary: 'Add your new IBAN so the monthly fee keeps being collected by direct debit.',
      body: `<p>By default we collect the monthly fee by SEPA direct debit on the 1st of each month. If you switch banks, a new mandate is needed, because a mandate always belongs to one specific account.</p>
<h2>Entering new bank details</h2>
<ol>
<li>Sign in to the back office with a user that has the "Owner" role.</li>
<li>Open <strong>Billing → Payment method</strong> and click <strong>Change bank details</strong>.</li>
<li>Enter the account holder and IBAN. We fill in the BIC automatically.</li>
<li>Confirm the direct debit mandate with one click. The mandate, including your mandate reference, is emailed to you as a PDF.</li>
</ol>
<h2>When does the new IBAN apply?</h2>
<p>Changes made by the 25th of a month apply to the next collection. After that the debit for the coming month has usually been submitted to the bank already and still goes to the old account. So don't close the old account straight away, or the debit will bounce and bank fees will follow.</p>
<h3>Good to know</h3>
<ul>
<li>Your bank statement shows our payment provider as the payee, along with our creditor ID and your mandate reference.</li>
<li>A business-to-business (B2B) mandate is available on request; your bank has to confirm it first.</li>
<li>Prefer paying by credit card? You can switch on the same page.</li>
</ul>`,
    },
  },
  {
    key: 'failed-payment-reminder',
    section: 'invoices-payment',
    tags: ['payment', 'direct-debit', 'dunning'],
    related: ['sepa-mandate-bank-change', 'double-charge-refund'],
    de: {
      title: 'Lastschrift zurückgegangen oder Mahnung erhalten',
      summary: 'Warum eine Abbuchung scheitert, welche Gebühren entstehen und wie Sie den offenen Betrag schnell ausgleichen.',
      body: `<p>Eine Lastschrift geht zurück, wenn das Konto nicht gedeckt ist, die IBAN nicht mehr existiert oder jemand der Abbuchung bei der Bank widersprochen hat. Sie erhalten dann eine E-Mail mit dem Betreff „Zahlung fehlgeschlagen“, und die Rechnung steht im Backoffice auf <em>offen</em>.</p>
<h2>Was Sie jetzt tun sollten</h2>
<ol>
<li>Prüfen Sie unter <strong>Abrechnung → Zahlungsart</strong>, ob die hinterlegte IBAN noch stimmt. Nach einem Bankwechsel ist das die häufigste Ursache.</li>
<li>Klicken Sie bei der offenen Rechnung auf <strong>Jetzt bezahlen</strong>. Sie können sofort per Kreditkarte zahlen oder den Einzug erneut anstoßen.</li>
<li>Alternativ überweisen Sie den Betrag mit der Rechnungsnummer als Verwendungszweck.</li>
</ol>
<h2>Ablauf und Gebühren</h2>
<table>
<tr><th>Zeitpunkt</th><th>Was passiert</th></tr>
<tr><td>Tag 0</td><td>Rücklastschrift, E-Mail an Sie. Die Bankgebühr von 3,50 € geben wir weiter.</td></tr>
<tr><td>nach 7 Tagen</td><td>Zahlungserinnerung, kostenlos</td></tr>
<tr><td>nach 14 Tagen</td><td>Mahnung mit 5,00 € Mahngebühr</td></tr>
<tr><td>nach 30 Tagen</td><td>Backoffice nur noch lesend; die Kasse kassiert weiter</td></tr>
</table>
<p>Die Kasse selbst sperren wir wegen eines Zahlungsrückstands nicht, damit Ihr Geschäft weiterläuft.</p>
<h3>Ihr Konto war gedeckt?</h3>
<p>Schicken Sie uns einen Kontoauszug des Abbuchungstags. Lag der Fehler nicht bei Ihnen, stornieren wir Gebühren selbstverständlich.</p>`,
    },
    en: {
      title: 'Direct debit bounced or payment reminder received',
      summary: 'Why a collection fails, what fees apply and how to settle the open amount quickly.',
      body: `<p>A direct debit bounces when the account lacks funds, the IBAN no longer exists or someone disputed the debit at the bank. You then receive an email titled "Payment failed", and the invoice shows as <em>open</em> in the back office.</p>
<h2>What to do now</h2>
<ol>
<li>Under <strong>Billing → Payment method</strong>, check that the stored IBAN is still correct. After a change of bank this is the most common cause.</li>
<li>Click <strong>Pay now</strong> on the open invoice. You can pay right away by credit card or trigger the debit again.</li>
<li>Or transfer the amount with the invoice number as the payment reference.</li>
</ol>
<h2>Timeline and fees</h2>
<table>
<tr><th>When</th><th>What happens</th></tr>
<tr><td>Day 0</td><td>Debit returned, email to you. We pass on the bank's fee of €3.50.</td></tr>
<tr><td>After 7 days</td><td>Friendly reminder, free of charge</td></tr>
<tr><td>After 14 days</td><td>Formal reminder with a €5.00 fee</td></tr>
<tr><td>After 30 days</td><td>Back office becomes read-only; the till keeps selling</td></tr>
</table>
<p>We never block the till itself over late payment, so your business keeps running.</p>
<h3>Your account had funds?</h3>
<p>Send us a bank statement for the day of the debit. If the problem was not on your side, we will of course cancel the fees.</p>`,
    },
  },
  {
    key: 'double-charge-refund',
    section: 'invoices-payment',
    tags: ['payment', 'refund', 'direct-debit'],
    related: ['invoice-explained', 'failed-payment-reminder'],
    de: {
      title: 'Betrag doppelt abgebucht: prüfen und erstatten lassen',
      summary: 'Zwei Abbuchungen auf dem Kontoauszug? So finden Sie heraus, ob wirklich doppelt bezahlt wurde, und bekommen Ihr Geld zurück.',
      body: `<p>Nicht jede zweite Abbuchung ist ein Fehler. Prüfen Sie zuerst anhand des Verwendungszwecks, zu welchen Rechnungsnummern die Beträge gehören.</p>
<h2>Häufige Gründe für zwei Abbuchungen</h2>
<ul>
<li><strong>Hardware und Monatsbeitrag:</strong> Geräte werden separat abgerechnet und können im selben Monat eingezogen werden.</li>
<li><strong>Nachberechnung:</strong> Nach einem Tarifwechsel oder einer neuen Kasse kommt ein anteiliger Betrag hinzu.</li>
<li><strong>Vormerkung bei Kreditkarte:</strong> Eine Reservierung verschwindet nach einigen Tagen von selbst und wird nie belastet.</li>
</ul>
<h2>Wirklich doppelt abgebucht?</h2>
<p>Tragen beide Buchungen dieselbe Rechnungsnummer, schreiben Sie uns mit Datum und Betrag beider Abbuchungen. Wir erstatten den doppelten Betrag auf dasselbe Konto bzw. dieselbe Karte, in der Regel innerhalb von 3–5 Werktagen. Sie erhalten eine Bestätigung per E-Mail.</p>
<h3>Lastschrift bei der Bank zurückgeben?</h3>
<p>Eine SEPA-Lastschrift können Sie innerhalb von acht Wochen über Ihre Bank zurückbuchen lassen. Bitte sprechen Sie vorher mit uns: Eine Rückgabe erzeugt Bankgebühren und löst unsere automatische Zahlungserinnerung aus, obwohl eigentlich alles bezahlt ist. Über den Support geht die Erstattung genauso schnell und ohne Nebenwirkungen.</p>`,
    },
    en: {
      title: 'Charged twice: check it and get a refund',
      summary: 'Two debits on your statement? Find out whether you really paid twice, and get your money back.',
      body: `<p>Not every second debit is a mistake. First check the payment reference to see which invoice numbers the amounts belong to.</p>
<h2>Common reasons for two debits</h2>
<ul>
<li><strong>Hardware and monthly fee:</strong> devices are invoiced separately and may be collected in the same month.</li>
<li><strong>Follow-up charge:</strong> after a plan change or an additional till, a pro-rata amount is added.</li>
<li><strong>Card authorisation:</strong> a temporary hold on a credit card disappears after a few days and is never actually charged.</li>
</ul>
<h2>Really charged twice?</h2>
<p>If both debits carry the same invoice number, write to us with the date and amount of each. We refund the duplicate to the same account or card, usually within 3–5 business days, and confirm by email.</p>
<h3>Reversing the debit at your bank?</h3>
<p>You can have a SEPA direct debit reversed through your bank within eight weeks. Please talk to us first: a reversal causes bank fees and triggers our automatic payment reminder, even though everything has in fact been paid. A refund through support is just as quick and has no side effects.</p>`,
    },
  },
  {
    key: 'credit-card-payment',
    section: 'invoices-payment',
    tags: ['credit-card', 'payment', '3d-secure'],
    related: ['sepa-mandate-bank-change', 'failed-payment-reminder'],
    de: {
      title: 'Per Kreditkarte zahlen und die Karte aktualisieren',
      summary: 'Von Lastschrift auf Kreditkarte umstellen, 3-D Secure bestätigen und eine abgelaufene Karte ersetzen.',
      body: `<p>Statt per Lastschrift können Sie Ihren Vertrag auch per Kreditkarte bezahlen. Wir akzeptieren Visa, Mastercard und American Express. Debitkarten funktionieren, wenn Ihre Bank sie für wiederkehrende Zahlungen freigeschaltet hat.</p>
<h2>Auf Kreditkarte umstellen</h2>
<ol>
<li>Öffnen Sie im Backoffice <strong>Abrechnung → Zahlungsart</strong>.</li>
<li>Klicken Sie auf <strong>Kreditkarte hinterlegen</strong> und geben Sie die Kartendaten ein.</li>
<li>Bestätigen Sie die Karte in der App Ihrer Bank (3-D Secure). Dabei wird eine Prüfbuchung über 0,00 € angezeigt.</li>
</ol>
<p>Ab der nächsten Rechnung buchen wir von der Karte ab. Das SEPA-Mandat bleibt gespeichert, wird aber nicht mehr genutzt.</p>
<h2>Karte abgelaufen oder ersetzt</h2>
<p>Etwa 30 Tage vor Ablauf erinnern wir Sie per E-Mail. Hinterlegen Sie die neue Karte wie oben beschrieben. Viele Banken übertragen neue Karten automatisch an Händler; verlassen Sie sich aber nicht darauf.</p>
<h3>Zahlung abgelehnt?</h3>
<ul>
<li><strong>„Authentifizierung fehlgeschlagen“:</strong> Die Freigabe in der Banking-App kam nicht rechtzeitig. Einfach erneut versuchen.</li>
<li><strong>„Limit überschritten“:</strong> Besonders bei Hardwarebestellungen kann das Monatslimit der Karte nicht reichen.</li>
<li>Firmenkarten sind manchmal für Auslandszahlungen oder bestimmte Händler gesperrt. Unser Zahlungsdienstleister sitzt in den Niederlanden.</li>
</ul>`,
    },
    en: {
      title: 'Paying by credit card and updating your card',
      summary: 'Switch from direct debit to credit card, confirm with 3-D Secure and replace an expired card.',
      body: `<p>Instead of direct debit you can pay for your contract by credit card. We accept Visa, Mastercard and American Express. Debit cards work if your bank allows them for recurring payments.</p>
<h2>Switching to credit card</h2>
<ol>
<li>In the back office, open <strong>Billing → Payment method</strong>.</li>
<li>Click <strong>Add credit card</strong> and enter the card details.</li>
<li>Confirm the card in your banking app (3-D Secure). You will see a €0.00 verification charge.</li>
</ol>
<p>From the next invoice on we charge the card. Your SEPA mandate stays on file but is no longer used.</p>
<h2>Card expired or replaced</h2>
<p>About 30 days before your card expires we remind you by email. Add the new card as described above. Many banks pass new card details on to merchants automatically, but don't rely on it.</p>
<h3>Payment declined?</h3>
<ul>
<li><strong>"Authentication failed":</strong> the approval in your banking app didn't arrive in time. Simply try again.</li>
<li><strong>"Limit exceeded":</strong> especially for hardware orders, the card's monthly limit may not be enough.</li>
<li>Company cards are sometimes blocked for foreign payments or certain merchants. Our payment provider is based in the Netherlands.</li>
</ul>`,
    },
  },
  {
    key: 'plans-compared',
    section: 'plans-cancellation',
    tags: ['plans', 'pricing'],
    related: ['change-plan', 'cancel-contract'],
    de: {
      title: 'Die Tarife im Vergleich: Starter, Plus, Business und Enterprise',
      summary: 'Welcher Tarif zu Ihrem Betrieb passt, was er kostet und welche Funktionen enthalten sind.',
      body: `<p>Alle Tarife enthalten die Kassen-App, die TSE-Anbindung, Updates und den Tagesabschluss. Sie unterscheiden sich vor allem darin, wie viele Kassen und Filialen Sie betreiben und welche Zusatzfunktionen Sie brauchen.</p>
<table>
<tr><th>Tarif</th><th>Preis je Kasse und Monat</th><th>Für wen</th><th>Wichtige Extras</th></tr>
<tr><td>Starter</td><td>29,90 €</td><td>eine Kasse, z. B. Kiosk oder Marktstand</td><td>DATEV-Export, E-Mail-Support</td></tr>
<tr><td>Plus</td><td>49,90 €</td><td>bis 3 Kassen an einem Standort</td><td>Gutscheine, Trinkgeld pro Person, Chat-Support</td></tr>
<tr><td>Business</td><td>79,00 €</td><td>mehrere Filialen</td><td>Lagerverwaltung, REST-API und Webhooks, Notfall-Hotline</td></tr>
<tr><td>Enterprise</td><td>auf Anfrage</td><td>ab 10 Filialen oder Franchise</td><td>persönliche Ansprechperson, eigene Vertragsvorlagen, zugesicherte Reaktionszeiten</td></tr>
</table>
<p>Alle Preise zuzüglich 19 % Umsatzsteuer. Hardware ist nicht enthalten und wird einmalig gekauft oder gemietet.</p>
<h2>Monatlich oder jährlich</h2>
<p>Bei monatlicher Zahlung können Sie mit einem Monat Frist zum Monatsende kündigen. Bei jährlicher Vorauszahlung erhalten Sie zwei Monate geschenkt; die Kündigungsfrist beträgt dann drei Monate zum Ende der Laufzeit.</p>
<h3>Unsicher, welcher Tarif passt?</h3>
<p>Starten Sie mit dem kleineren Tarif. Ein Wechsel nach oben ist jederzeit sofort möglich, ein Wechsel nach unten zum nächsten Monatsersten.</p>`,
    },
    en: {
      title: 'Plans compared: Starter, Plus, Business and Enterprise',
      summary: 'Which plan fits your business, what it costs and which features are included.',
      body: `<p>Every plan includes the till app, TSE connection, updates and the end-of-day report. They differ mainly in how many tills and locations you run and which extras you need.</p>
<table>
<tr><th>Plan</th><th>Price per till per month</th><th>Who it is for</th><th>Key extras</th></tr>
<tr><td>Starter</td><td>€29.90</td><td>a single till, such as a kiosk or market stall</td><td>DATEV export, email support</td></tr>
<tr><td>Plus</td><td>€49.90</td><td>up to 3 tills at one location</td><td>vouchers, tips per person, chat support</td></tr>
<tr><td>Business</td><td>€79.00</td><td>several locations</td><td>stock management, REST API and webhooks, emergency hotline</td></tr>
<tr><td>Enterprise</td><td>on request</td><td>10+ locations or franchises</td><td>dedicated contact, your own contract templates, guaranteed response times</td></tr>
</table>
<p>All prices plus 19 % VAT. Hardware is not included; you buy or rent it separately.</p>
<h2>Monthly or yearly</h2>
<p>With monthly billing you can cancel with one month's notice to the end of a month. If you pay a year in advance you get two months free, and the notice period is three months to the end of the term.</p>
<h3>Not sure which plan fits?</h3>
<p>Start with the smaller plan. Upgrading is possible at any time and takes effect immediately; downgrades take effect on the first of the next month.</p>`,
    },
  },
  {
    key: 'change-plan',
    section: 'plans-cancellation',
    tags: ['plans', 'upgrade', 'licences'],
    related: ['plans-compared', 'invoice-explained', 'cancel-contract'],
    de: {
      title: 'Tarif wechseln oder weitere Kassen hinzubuchen',
      summary: 'Upgrade, Downgrade und zusätzliche Kassenlizenzen für eine neue Filiale, mit tagesgenauer Abrechnung.',
      body: `<p>Tarif und Anzahl der Kassen ändern Sie selbst im Backoffice, dafür brauchen Sie die Rolle „Inhaber“. Ein Anruf beim Support ist nicht nötig.</p>
<h2>Tarif wechseln</h2>
<ol>
<li>Öffnen Sie <strong>Abrechnung → Tarif</strong>.</li>
<li>Wählen Sie den neuen Tarif. Sie sehen vorab, was sich am Monatsbetrag ändert.</li>
<li>Bestätigen Sie mit <strong>Kostenpflichtig wechseln</strong>.</li>
</ol>
<p>Ein <strong>Upgrade</strong> gilt sofort; Funktionen wie die Lagerverwaltung stehen nach einer Minute an allen Kassen bereit. Die Differenz für den laufenden Monat wird tagesgenau auf der nächsten Rechnung berechnet. Ein <strong>Downgrade</strong> gilt zum nächsten Monatsersten. Funktionen, die der kleinere Tarif nicht enthält, werden dann ausgeblendet; die Daten bleiben 12 Monate erhalten.</p>
<h2>Weitere Kassen für eine neue Filiale</h2>
<ol>
<li>Legen Sie unter <strong>Konto → Filialen</strong> die neue Filiale an.</li>
<li>Klicken Sie unter <strong>Verträge → Lizenzen</strong> auf <strong>Lizenz hinzufügen</strong> und wählen Sie ein Startdatum.</li>
<li>Bestellen Sie bei Bedarf die Hardware gleich mit. Für größere Mengen ab fünf Kassen erstellen wir Ihnen gern ein Angebot, das Sie im Backoffice unter <strong>Angebote</strong> annehmen.</li>
</ol>
<h3>Hinweis zum Kassengesetz</h3>
<p>Jede neue Kasse braucht eine eigene TSE und muss innerhalb eines Monats dem Finanzamt gemeldet werden.</p>`,
    },
    en: {
      title: 'Changing plans or adding more tills',
      summary: 'Upgrades, downgrades and extra till licences for a new location, billed to the day.',
      body: `<p>You can change your plan and the number of tills yourself in the back office, as long as you have the "Owner" role. There is no need to call support.</p>
<h2>Changing plans</h2>
<ol>
<li>Open <strong>Billing → Plan</strong>.</li>
<li>Pick the new plan. You see in advance how your monthly amount will change.</li>
<li>Confirm with <strong>Switch and pay</strong>.</li>
</ol>
<p>An <strong>upgrade</strong> applies immediately; features such as stock management are available on all tills within a minute. The difference for the current month is charged to the day on your next invoice. A <strong>downgrade</strong> applies from the first of the next month. Features the smaller plan lacks are then hidden, and their data is kept for 12 months.</p>
<h2>More tills for a new location</h2>
<ol>
<li>Create the new location under <strong>Account → Locations</strong>.</li>
<li>Under <strong>Contracts → Licences</strong>, click <strong>Add licence</strong> and choose a start date.</li>
<li>Order the hardware at the same time if you need it. For five tills or more we are happy to prepare a quote, which you accept in the back office under <strong>Quotes</strong>.</li>
</ol>
<h3>A note on German till law</h3>
<p>Every new till needs its own TSE and must be registered with the tax office within one month.</p>`,
    },
  },
  {
    key: 'cancel-contract',
    section: 'plans-cancellation',
    tags: ['cancellation', 'contract', 'data-export'],
    related: ['plans-compared', 'dsfinvk-export', 'change-plan'],
    de: {
      title: 'Vertrag kündigen oder eine einzelne Kasse abmelden',
      summary: 'Kündigungsfristen, der Kündigungsbutton im Backoffice und was Sie vor dem Vertragsende mit Ihren Kassendaten tun müssen.',
      body: `<h2>Den ganzen Vertrag kündigen</h2>
<ol>
<li>Melden Sie sich als Inhaber im Backoffice an und öffnen Sie <strong>Verträge → Vertrag kündigen</strong>.</li>
<li>Wählen Sie „zum nächstmöglichen Termin“ oder ein späteres Datum.</li>
<li>Klicken Sie auf <strong>Jetzt kündigen</strong>. Die Bestätigung mit dem Enddatum kommt sofort per E-Mail.</li>
</ol>
<p>Bei monatlicher Zahlung endet der Vertrag mit einem Monat Frist zum Monatsende, bei jährlicher Zahlung zum Ende der Laufzeit mit drei Monaten Frist. Eine Kündigung per E-Mail an den Support ist ebenfalls wirksam.</p>
<h2>Nur eine Kasse abmelden</h2>
<p>Schließen Sie eine Filiale, kündigen Sie nur die betreffende Lizenz unter <strong>Verträge → Lizenzen → Kasse abmelden</strong>. Sie läuft bis zum Monatsende weiter; alle anderen Kassen bleiben unverändert.</p>
<h2>Vor dem Vertragsende unbedingt erledigen</h2>
<ul>
<li><strong>Kassendaten sichern:</strong> Laden Sie den DSFinV-K-Export und die Tagesabschlüsse für den gesamten Zeitraum herunter. Sie müssen diese Daten zehn Jahre aufbewahren, auch wenn Sie unsere Kasse nicht mehr nutzen.</li>
<li><strong>Finanzamt informieren:</strong> Die Außerbetriebnahme jeder Kasse und TSE müssen Sie innerhalb eines Monats melden.</li>
<li><strong>Mietgeräte zurücksenden:</strong> Das Rücksendeetikett erhalten Sie mit der Kündigungsbestätigung.</li>
</ul>
<p>Nach Vertragsende bleibt das Backoffice 90 Tage lang lesend erreichbar, danach löschen wir Ihre Daten.</p>`,
    },
    en: {
      title: 'Cancelling your contract or a single till',
      summary: 'Notice periods, the cancel button in the back office, and what to do with your till data before the contract ends.',
      body: `<h2>Cancelling the whole contract</h2>
<ol>
<li>Sign in to the back office as an owner and open <strong>Contracts → Cancel contract</strong>.</li>
<li>Choose "earliest possible date" or a later date.</li>
<li>Click <strong>Cancel now</strong>. The confirmation with the end date arrives by email immediately.</li>
</ol>
<p>With monthly billing the contract ends with one month's notice to the end of a month; with yearly billing at the end of the term, with three months' notice. Cancelling by email to support is also valid.</p>
<h2>Deregistering a single till</h2>
<p>If you close a location, cancel just that licence under <strong>Contracts → Licences → Deregister till</strong>. It runs until the end of the month, and all other tills continue unchanged.</p>
<h2>Before the contract ends, make sure to</h2>
<ul>
<li><strong>Save your till data:</strong> download the DSFinV-K export and the end-of-day reports for the whole period. You must keep this data for ten years, even after you stop using our till.</li>
<li><strong>Inform the tax office:</strong> taking a till and its TSE out of service must be reported within one month.</li>
<li><strong>Return rented devices:</strong> the return label comes with your cancellation confirmation.</li>
</ul>
<p>After the contract ends, the back office stays available read-only for 90 days; after that we delete your data.</p>`,
    },
  },
];
