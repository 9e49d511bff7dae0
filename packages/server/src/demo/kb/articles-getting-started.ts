import type { DemoArticle } from './types.ts';

/** Setting up, everyday sales at the till, and how to reach support. */
export const GETTING_STARTED_ARTICLES: DemoArticle[] = [
  {
    key: 'first-till-setup',
    section: 'setup',
    tags: ['setup', 'kassenrechner-t11', 'onboarding'],
    related: ['products-and-categories', 'tse-explained', 'wifi-setup'],
    video: { provider: 'youtube', id: 'q3Xv7LmR2kA' },
    de: {
      title: 'Die neue Kasse in Betrieb nehmen',
      summary: 'Vom Auspacken des Kassenrechners T11 bis zum ersten Verkauf in etwa 30 Minuten.',
      body: `<p>Planen Sie für die Ersteinrichtung etwa 30 Minuten ein und halten Sie Ihre Zugangsdaten aus der Willkommens-E-Mail bereit. Am besten richten Sie die Kasse ein oder zwei Tage vor der Eröffnung ein, damit noch Zeit für einen Probelauf bleibt.</p>
<h2>So gehen Sie vor</h2>
<ol>
<li>Schließen Sie den Kassenrechner T11 an den Strom an und verbinden Sie ihn per Netzwerkkabel mit dem Router. WLAN geht auch, ein Kabel ist aber stabiler.</li>
<li>Schalten Sie das Gerät ein. Der Einrichtungsassistent startet automatisch und lädt zuerst die aktuelle Version der Kassen-App (das kann einige Minuten dauern).</li>
<li>Melden Sie sich mit der E-Mail-Adresse und dem Passwort des Inhaberkontos an.</li>
<li>Wählen Sie Ihren Betrieb und die Filiale aus. Die Kasse erhält dabei ihre Seriennummer-Zuordnung, die Sie später auf der Rechnung wiederfinden.</li>
<li>Aktivieren Sie die TSE, wenn der Assistent danach fragt. Ohne aktive TSE dürfen Sie in Deutschland nicht kassieren.</li>
<li>Koppeln Sie Bondrucker, Kartenleser und Scanner unter <strong>Einstellungen → Geräte</strong>.</li>
<li>Buchen Sie einen Testverkauf über 0,01 € und stornieren Sie ihn anschließend.</li>
</ol>
<h3>Gut zu wissen</h3>
<p>Artikel, Preise und Benutzer pflegen Sie bequemer im Backoffice am Computer; die Kasse übernimmt Änderungen innerhalb einer Minute. Denken Sie daran, die Kasse innerhalb eines Monats nach der Anschaffung beim Finanzamt zu melden.</p>`,
    },
    en: {
      title: 'Setting up your new till',
      summary: 'From unboxing the T11 till computer to your first sale in about 30 minutes.',
      body: `<p>Allow about 30 minutes for the first setup and keep the login details from your welcome email at hand. Ideally, set the till up a day or two before you open so there is time for a trial run.</p>
<h2>Step by step</h2>
<ol>
<li>Plug the T11 till computer into power and connect it to your router with a network cable. Wi-Fi works too, but a cable is more reliable.</li>
<li>Switch it on. The setup assistant starts by itself and first downloads the current version of the till app, which can take a few minutes.</li>
<li>Sign in with the email address and password of the owner account.</li>
<li>Choose your business and location. This links the till's serial number to your account, and you will see it on your invoices later.</li>
<li>Activate the TSE when the assistant asks for it. In Germany you may not take payments without an active TSE.</li>
<li>Pair the receipt printer, card reader and scanner under <strong>Settings → Devices</strong>.</li>
<li>Ring up a test sale of €0.01 and void it afterwards.</li>
</ol>
<h3>Good to know</h3>
<p>Products, prices and users are easier to manage in the back office on a computer; the till picks up changes within a minute. Remember to register the till with the tax office within one month of buying it.</p>`,
    },
  },
  {
    key: 'products-and-categories',
    section: 'setup',
    tags: ['products', 'import', 'vat'],
    related: ['vat-rates', 'csv-export-excel'],
    de: {
      title: 'Artikel und Warengruppen anlegen',
      summary: 'Artikel einzeln anlegen oder per CSV-Datei importieren, mit Preis, Steuersatz und Warengruppe.',
      body: `<p>Jeder Artikel gehört zu genau einer Warengruppe. Über die Warengruppe legen Sie fest, welcher Steuersatz gilt und auf welcher Kachel der Artikel an der Kasse erscheint. Legen Sie deshalb zuerst die Warengruppen an, dann die Artikel.</p>
<h2>Einzelne Artikel anlegen</h2>
<ol>
<li>Öffnen Sie im Backoffice <strong>Artikel → Warengruppen</strong> und legen Sie z. B. „Heißgetränke“ oder „Backwaren“ an.</li>
<li>Wechseln Sie zu <strong>Artikel → Neuer Artikel</strong>, geben Sie Name, Bruttopreis und Warengruppe an.</li>
<li>Optional: Tragen Sie die EAN ein, damit der Scanner den Artikel erkennt.</li>
<li>Speichern. Nach spätestens einer Minute ist der Artikel an allen Kassen verfügbar.</li>
</ol>
<h2>Viele Artikel auf einmal importieren</h2>
<p>Unter <strong>Artikel → Import</strong> laden Sie eine Vorlage herunter. Füllen Sie sie in Excel oder LibreOffice aus und speichern Sie sie als CSV (UTF-8, Semikolon als Trennzeichen). Der Import prüft jede Zeile und zeigt Fehler mit Zeilennummer an, etwa „Zeile 14: Steuersatz 16 % unbekannt“. Fehlerhafte Zeilen werden übersprungen, alle anderen übernommen.</p>
<h3>Häufige Stolperfallen</h3>
<ul>
<li>Preise mit Komma eingeben (2,50), nicht mit Punkt.</li>
<li>Eine EAN darf nur einmal vorkommen, sonst bricht die Zeile ab.</li>
<li>Für Artikel, deren Steuersatz davon abhängt, ob vor Ort verzehrt oder mitgenommen wird (etwa Milchkaffee), den Schalter „Steuersatz je nach Verzehrort“ aktivieren.</li>
</ul>`,
    },
    en: {
      title: 'Creating products and product groups',
      summary: 'Add products one by one or import them from a CSV file, with price, VAT rate and product group.',
      body: `<p>Every product belongs to exactly one product group. The group decides which VAT rate applies and on which tile the product shows up at the till, so create your groups first and the products second.</p>
<h2>Adding single products</h2>
<ol>
<li>In the back office, open <strong>Products → Product groups</strong> and create groups such as "Hot drinks" or "Bakery".</li>
<li>Go to <strong>Products → New product</strong> and enter the name, gross price and group.</li>
<li>Optionally add the EAN so the scanner recognises the item.</li>
<li>Save. Within a minute the product is available on all tills.</li>
</ol>
<h2>Importing many products at once</h2>
<p>Under <strong>Products → Import</strong> you can download a template. Fill it in with Excel or LibreOffice and save it as CSV (UTF-8, semicolon separated). The import checks every row and lists problems with their line number, for example "Line 14: VAT rate 16 % unknown". Rows with errors are skipped and everything else is imported.</p>
<h3>Common pitfalls</h3>
<ul>
<li>German number format is expected in the template: 2,50 rather than 2.50.</li>
<li>Each EAN may appear only once; a duplicate makes the row fail.</li>
<li>For items whose VAT rate depends on whether they are consumed on the premises or taken away (milky coffee, for example), switch on "VAT rate depends on where it is consumed".</li>
</ul>`,
    },
  },
  {
    key: 'returns-and-voids',
    section: 'daily-operations',
    tags: ['storno', 'returns', 'receipts'],
    related: ['gift-vouchers', 'card-payouts', 'daily-closing-z-report'],
    de: {
      title: 'Storno und Retoure an der Kasse',
      summary: 'Einen Fehlbon korrigieren oder Ware zurücknehmen, ohne Ärger bei der Kassenprüfung.',
      body: `<p>Ein gebuchter Beleg lässt sich nicht löschen, das verbieten die GoBD. Stattdessen erstellt die Kasse einen Gegenbeleg mit negativen Beträgen. Beide Belege bleiben in der TSE und im Tagesabschluss sichtbar. Das ist gewollt und bei einer Prüfung genau das, was das Finanzamt sehen möchte.</p>
<h2>Fehlbon stornieren (gleicher Tag)</h2>
<ol>
<li>Tippen Sie auf <strong>Belege</strong> und öffnen Sie den betroffenen Beleg.</li>
<li>Wählen Sie <strong>Stornieren</strong> und einen Grund, z. B. „Falscher Artikel“.</li>
<li>Die Kasse druckt einen Stornobeleg. Bei Kartenzahlung wird der Betrag automatisch auf die Karte zurückgebucht.</li>
</ol>
<h2>Retoure (Ware kommt später zurück)</h2>
<ol>
<li>Scannen Sie den QR-Code auf dem Kassenbon der Kundin oder suchen Sie den Beleg über Datum und Betrag.</li>
<li>Markieren Sie die zurückgegebenen Positionen und tippen Sie auf <strong>Retoure</strong>.</li>
<li>Wählen Sie, wie erstattet wird: bar, auf die Karte oder als Gutschein.</li>
</ol>
<h3>Berechtigungen</h3>
<p>Stornieren dürfen standardmäßig nur Benutzer mit der Rolle „Schichtleitung“ oder „Inhaber“, Retouren bis 50 € auch die Rolle „Mitarbeiter“. Aushilfen sehen die Schaltflächen ausgegraut. Die Rechte passen Sie im Backoffice unter <strong>Konto → Benutzer → Rollen</strong> an.</p>
<p><em>Hinweis:</em> Eine Rückbuchung auf die Karte ist nur bis 30 Tage nach dem Kauf möglich, danach erstatten Sie bar oder per Gutschein.</p>`,
    },
    en: {
      title: 'Voids and returns at the till',
      summary: 'Correct a wrong receipt or take goods back without trouble at the next tax audit.',
      body: `<p>A receipt that has been booked cannot be deleted; German bookkeeping rules (GoBD) forbid it. Instead the till creates a counter-receipt with negative amounts. Both stay visible in the TSE and in the end-of-day report, which is exactly what a tax inspector expects to see.</p>
<h2>Voiding a wrong receipt (same day)</h2>
<ol>
<li>Tap <strong>Receipts</strong> and open the receipt in question.</li>
<li>Choose <strong>Void</strong> and a reason, for example "Wrong item".</li>
<li>The till prints a void receipt. For card payments the amount goes back to the card automatically.</li>
</ol>
<h2>Returns (goods come back later)</h2>
<ol>
<li>Scan the QR code on the customer's receipt, or find the receipt by date and amount.</li>
<li>Select the items being returned and tap <strong>Return</strong>.</li>
<li>Choose how to refund: cash, back to the card, or as a voucher.</li>
</ol>
<h3>Permissions</h3>
<p>By default only users with the "Shift lead" or "Owner" role may void receipts; the "Staff" role may also refund up to €50. Temporary staff see the buttons greyed out. You can change this in the back office under <strong>Account → Users → Roles</strong>.</p>
<p><em>Note:</em> refunds to a card are possible for up to 30 days after the purchase. After that, refund in cash or with a voucher.</p>`,
    },
  },
  {
    key: 'gift-vouchers',
    section: 'daily-operations',
    tags: ['vouchers', 'gutscheine'],
    related: ['returns-and-voids', 'app-crash-after-update'],
    de: {
      title: 'Gutscheine verkaufen und einlösen',
      summary: 'Wertgutscheine ausgeben, einlösen und Restguthaben prüfen, steuerlich korrekt gebucht.',
      body: `<p>Die Kasse unterscheidet zwischen <strong>Mehrzweck-Gutscheinen</strong> (Wertgutschein über einen Betrag, für alles einlösbar) und <strong>Einzweck-Gutscheinen</strong> (z. B. „1 Frühstück für zwei“). Beim Mehrzweck-Gutschein fällt die Umsatzsteuer erst beim Einlösen an, beim Einzweck-Gutschein schon beim Verkauf. Die Kasse bucht das automatisch richtig, solange Sie den passenden Typ wählen.</p>
<h2>Gutschein verkaufen</h2>
<ol>
<li>Tippen Sie auf die Kachel <strong>Gutschein</strong> und geben Sie den Betrag ein.</li>
<li>Kassieren Sie wie gewohnt. Die Kasse druckt den Gutschein mit Barcode und einer 12-stelligen Nummer.</li>
</ol>
<h2>Gutschein einlösen</h2>
<p>Scannen Sie den Barcode oder tippen Sie auf <strong>Bezahlen → Gutschein</strong> und geben Sie die Nummer ein. Ist der Einkauf günstiger als der Gutscheinwert, bleibt das Restguthaben auf dem Gutschein gespeichert; eine Barauszahlung des Rests ist nicht vorgesehen.</p>
<h3>Gültigkeit und Kontrolle</h3>
<ul>
<li>Gutscheine gelten gesetzlich drei Jahre zum Jahresende. Ein kürzeres Ablaufdatum sollten Sie nur mit rechtlicher Beratung festlegen.</li>
<li>Alle ausgegebenen Gutscheine mit Restwert sehen Sie im Backoffice unter <strong>Berichte → Gutscheine</strong>.</li>
<li>Wird ein Gutschein als „bereits eingelöst“ abgelehnt, zeigt der Bericht, wann und an welcher Kasse.</li>
</ul>`,
    },
    en: {
      title: 'Selling and redeeming gift vouchers',
      summary: 'Issue vouchers, redeem them and check remaining balances, with the right VAT treatment.',
      body: `<p>The till distinguishes <strong>multi-purpose vouchers</strong> (a cash value that can be spent on anything) from <strong>single-purpose vouchers</strong> (for example "breakfast for two"). VAT on a multi-purpose voucher is due when it is redeemed; on a single-purpose voucher it is due when it is sold. The till books both correctly as long as you pick the right type.</p>
<h2>Selling a voucher</h2>
<ol>
<li>Tap the <strong>Voucher</strong> tile and enter the amount.</li>
<li>Take payment as usual. The till prints the voucher with a barcode and a 12-digit number.</li>
</ol>
<h2>Redeeming a voucher</h2>
<p>Scan the barcode, or tap <strong>Pay → Voucher</strong> and type in the number. If the purchase costs less than the voucher, the remaining balance stays on the voucher; paying out the rest in cash is not supported.</p>
<h3>Validity and tracking</h3>
<ul>
<li>Under German law vouchers remain valid for three years, counted to the end of the year. Only set a shorter expiry after taking legal advice.</li>
<li>All issued vouchers with a remaining balance are listed in the back office under <strong>Reports → Vouchers</strong>.</li>
<li>If a voucher is rejected as "already redeemed", the report shows when and on which till it was used.</li>
</ul>`,
    },
  },
  {
    key: 'tips-handling',
    section: 'daily-operations',
    tags: ['tips', 'trinkgeld', 'card-payments'],
    related: ['daily-closing-z-report', 'ct4-payment-declined'],
    de: {
      title: 'Trinkgeld erfassen und verteilen',
      summary: 'Trinkgeld bei Bar- und Kartenzahlung buchen und pro Person im Tagesabschluss auswerten.',
      body: `<p>Trinkgeld, das Gäste freiwillig Ihren Angestellten geben, ist für die Angestellten steuerfrei. Damit das so bleibt, muss es in der Kasse getrennt vom Umsatz erfasst werden. Für Trinkgeld an die Inhaberin oder den Inhaber selbst gilt das nicht: Es ist Betriebseinnahme.</p>
<h2>Bei Kartenzahlung</h2>
<p>Schalten Sie unter <strong>Einstellungen → Zahlung → Trinkgeld abfragen</strong> die Abfrage ein. Der Kartenleser CT-4 bietet dem Gast dann vor der PIN-Eingabe 5 %, 10 %, 15 % oder einen freien Betrag an. Das Trinkgeld wird mit der Zahlung eingezogen und mit dem Umsatz ausgezahlt.</p>
<h2>Bei Barzahlung</h2>
<p>Gibt ein Gast „stimmt so“, tippen Sie vor dem Abschluss auf <strong>Trinkgeld</strong> und tragen die Differenz ein. So stimmt der Kassenbestand am Abend.</p>
<h2>Auswertung pro Person</h2>
<p>Inzwischen lässt sich das Trinkgeld im Tagesabschluss pro angemeldeter Person ausweisen. Aktivieren Sie im Backoffice <strong>Tagesabschluss → Trinkgeld je Mitarbeiter ausweisen</strong>. Auf dem Z-Bon erscheint dann eine eigene Zeile je Person.</p>
<h3>Wichtig</h3>
<ul>
<li>Melden Sie sich bei Schichtwechsel um, sonst landet das Trinkgeld bei der falschen Person.</li>
<li>Kartentrinkgeld wird Ihnen mit dem Umsatz überwiesen; Sie zahlen es dann bar oder über die Lohnabrechnung aus.</li>
</ul>`,
    },
    en: {
      title: 'Recording and sharing out tips',
      summary: 'Book tips on cash and card payments and see them per person in the end-of-day report.',
      body: `<p>In Germany, tips that guests give voluntarily to your employees are tax-free for them. To keep it that way, tips must be recorded in the till separately from your revenue. Tips given to the business owner are different: they count as business income.</p>
<h2>Card payments</h2>
<p>Turn on <strong>Settings → Payment → Ask for tip</strong>. The CT-4 card reader then offers the guest 5 %, 10 %, 15 % or a custom amount before they enter their PIN. The tip is charged together with the payment and paid out with your card revenue.</p>
<h2>Cash payments</h2>
<p>When a guest says "keep the change", tap <strong>Tip</strong> before closing the sale and enter the difference. That way the cash in the drawer matches at the end of the day.</p>
<h2>Tips per person</h2>
<p>The end-of-day report can also show tips per signed-in member of staff. In the back office, switch on <strong>End of day → Show tips per employee</strong>. The Z report then has one line per person.</p>
<h3>Keep in mind</h3>
<ul>
<li>Switch users at every shift change, otherwise tips are credited to the wrong person.</li>
<li>Card tips reach you with your card payouts; you then pass them on in cash or through payroll.</li>
</ul>`,
    },
  },
  {
    key: 'split-payment',
    section: 'daily-operations',
    tags: ['payment-methods', 'split-bill'],
    related: ['tips-handling', 'gift-vouchers'],
    de: {
      title: 'Rechnung teilen und mit mehreren Zahlungsarten bezahlen',
      summary: 'Getrennt zahlen am Tisch oder einen Betrag teils bar, teils mit Karte begleichen.',
      body: `<p>Zwei typische Situationen: Eine Gruppe möchte getrennt zahlen, oder eine Person zahlt einen Teil bar und den Rest mit Karte. Beides geht direkt im Bezahlbildschirm, ohne den Bon zu stornieren.</p>
<h2>Getrennt zahlen</h2>
<ol>
<li>Tippen Sie im Warenkorb auf <strong>Teilen</strong>.</li>
<li>Ziehen Sie die Positionen auf „Gast 1“, „Gast 2“ usw. Mengen lassen sich aufteilen, etwa eine Flasche Wein auf zwei Personen.</li>
<li>Kassieren Sie jeden Teil einzeln. Jeder Gast erhält einen eigenen Beleg.</li>
</ol>
<h2>Ein Betrag, mehrere Zahlungsarten</h2>
<ol>
<li>Tippen Sie auf <strong>Bezahlen</strong> und dann auf <strong>Teilbetrag</strong>.</li>
<li>Geben Sie den Barbetrag ein, z. B. 20,00 €, und bestätigen Sie.</li>
<li>Der Rest bleibt offen. Wählen Sie dafür <strong>Karte</strong> oder <strong>Gutschein</strong>.</li>
</ol>
<p>Auf dem Beleg stehen beide Zahlungsarten mit ihren Beträgen; in der TSE ist es ein einziger Vorgang.</p>
<h3>Grenzen</h3>
<ul>
<li>Höchstens fünf Zahlungsarten pro Beleg.</li>
<li>Wird die Kartenzahlung im zweiten Schritt abgelehnt, bleibt der Barteil gebucht und der Rest offen. Brechen Sie dann nicht ab, sondern wählen Sie eine andere Zahlungsart.</li>
</ul>`,
    },
    en: {
      title: 'Splitting a bill and paying with several methods',
      summary: 'Let a table pay separately, or settle one amount partly in cash and partly by card.',
      body: `<p>Two situations come up all the time: a group wants to pay separately, or one person pays part in cash and the rest by card. Both work right on the payment screen without voiding the receipt.</p>
<h2>Paying separately</h2>
<ol>
<li>In the basket, tap <strong>Split</strong>.</li>
<li>Drag the items to "Guest 1", "Guest 2" and so on. Quantities can be divided too, for example one bottle of wine between two people.</li>
<li>Take payment for each part. Every guest gets their own receipt.</li>
</ol>
<h2>One amount, several payment methods</h2>
<ol>
<li>Tap <strong>Pay</strong>, then <strong>Partial amount</strong>.</li>
<li>Enter the cash part, say €20.00, and confirm.</li>
<li>The rest stays open; choose <strong>Card</strong> or <strong>Voucher</strong> for it.</li>
</ol>
<p>The receipt lists both methods with their amounts, and the TSE records it as a single transaction.</p>
<h3>Limits</h3>
<ul>
<li>At most five payment methods per receipt.</li>
<li>If the card payment in the second step is declined, the cash part stays booked and the rest remains open. Don't cancel; just choose another payment method.</li>
</ul>`,
    },
  },
  {
    key: 'support-hours-contact',
    section: 'support-contact',
    tags: ['support', 'contact', 'opening-hours'],
    related: ['remote-support-session', 'tse-failure'],
    de: {
      title: 'Support erreichen: Servicezeiten und Kontaktwege',
      summary: 'Wann wir erreichbar sind, welcher Kanal für welches Anliegen passt und was bei einem Kassenausfall gilt.',
      body: `<p>Unser Support-Team sitzt in München und Leipzig und hilft Ihnen auf Deutsch und Englisch.</p>
<table>
<tr><th>Kanal</th><th>Erreichbar</th><th>Geeignet für</th></tr>
<tr><td>Chat im Backoffice (ab Tarif Plus)</td><td>Mo–Fr 8–20 Uhr, Sa 9–16 Uhr</td><td>kurze Fragen, Einrichtung</td></tr>
<tr><td>E-Mail an support@demo.servus.example</td><td>rund um die Uhr, Antwort meist am selben Werktag</td><td>Rechnungen, Verträge, Anfragen mit Anhängen</td></tr>
<tr><td>Telefon (Nummer im Backoffice unter <strong>Hilfe → Kontakt</strong>)</td><td>Mo–Fr 8–20 Uhr, Sa 9–16 Uhr</td><td>dringende Störungen</td></tr>
<tr><td>Notfall-Hotline</td><td>täglich 7–23 Uhr, auch an Feiertagen</td><td>Kasse oder TSE fällt komplett aus (Tarif Business und Enterprise)</td></tr>
</table>
<h2>Damit es schnell geht</h2>
<ul>
<li>Schreiben Sie aus der E-Mail-Adresse, die in Ihrem Konto hinterlegt ist. Dann erkennen wir Sie sofort.</li>
<li>Nennen Sie die Seriennummer des Geräts (Aufkleber auf der Unterseite, beginnt mit SN-) und die App-Version aus <strong>Einstellungen → Info</strong>.</li>
<li>Ein Foto der Fehlermeldung spart oft eine Rückfrage.</li>
</ul>
<p>Ob es gerade eine bekannte Störung gibt, sehen Sie auf der Statusseite, die im Backoffice oben rechts verlinkt ist. An gesetzlichen Feiertagen in Bayern ist nur die Notfall-Hotline besetzt.</p>`,
    },
    en: {
      title: 'Contacting support: hours and channels',
      summary: 'When we are available, which channel suits which request, and what applies when your till is down.',
      body: `<p>Our support team works from Munich and Leipzig and helps you in German and English.</p>
<table>
<tr><th>Channel</th><th>Available</th><th>Best for</th></tr>
<tr><td>Chat in the back office (Plus plan and above)</td><td>Mon–Fri 8 am–8 pm, Sat 9 am–4 pm (German time)</td><td>quick questions, setup</td></tr>
<tr><td>Email to support@demo.servus.example</td><td>any time, usually answered the same working day</td><td>invoices, contracts, requests with attachments</td></tr>
<tr><td>Phone (number in the back office under <strong>Help → Contact</strong>)</td><td>Mon–Fri 8 am–8 pm, Sat 9 am–4 pm</td><td>urgent faults</td></tr>
<tr><td>Emergency hotline</td><td>daily 7 am–11 pm, bank holidays included</td><td>till or TSE completely down (Business and Enterprise plans)</td></tr>
</table>
<h2>Help us help you faster</h2>
<ul>
<li>Write from the email address stored in your account so we recognise you straight away.</li>
<li>Include the device's serial number (sticker underneath, starts with SN-) and the app version from <strong>Settings → About</strong>.</li>
<li>A photo of the error message often saves a round of questions.</li>
</ul>
<p>The status page, linked at the top right of the back office, shows whether there is a known outage. On Bavarian public holidays only the emergency hotline is staffed.</p>`,
    },
  },
  {
    key: 'remote-support-session',
    section: 'support-contact',
    tags: ['support', 'remote-access'],
    related: ['support-hours-contact', 'app-crash-after-update'],
    de: {
      title: 'Fernwartung: Dem Support Zugriff auf die Kasse geben',
      summary: 'Mit einem sechsstelligen Code schauen wir uns Ihre Kasse aus der Ferne an, nur solange Sie es erlauben.',
      body: `<p>Manche Probleme lassen sich am schnellsten lösen, wenn wir den Bildschirm Ihrer Kasse sehen. Dafür ist die Fernwartung in die Kassen-App eingebaut; Sie müssen nichts installieren.</p>
<h2>So starten Sie eine Sitzung</h2>
<ol>
<li>Öffnen Sie an der Kasse <strong>☰ Menü → Hilfe → Fernwartung</strong>.</li>
<li>Die Kasse zeigt einen sechsstelligen Code, z. B. <code>482 913</code>. Nennen Sie ihn der Person aus dem Support am Telefon oder im Chat.</li>
<li>Bestätigen Sie die Anfrage auf dem Bildschirm mit <strong>Zugriff erlauben</strong>.</li>
</ol>
<p>Solange die Sitzung läuft, zeigt ein roter Rahmen am Bildschirmrand, dass jemand zuschaut. Über <strong>Beenden</strong> im Rahmen trennen Sie die Verbindung jederzeit selbst.</p>
<h2>Was wir sehen und was nicht</h2>
<ul>
<li>Wir sehen den Bildschirm der Kasse und können Einstellungen ändern, aber keine Verkäufe buchen oder Belege stornieren.</li>
<li>Der Code gilt zehn Minuten und nur für eine Sitzung.</li>
<li>Jede Sitzung wird mit Datum, Dauer und Namen der Supportperson protokolliert. Das Protokoll finden Sie im Backoffice unter <strong>Konto → Sicherheit → Fernwartung</strong>.</li>
</ul>
<h3>Der Code erscheint nicht?</h3>
<p>Die Fernwartung braucht eine Internetverbindung über Port 443. Wenn Ihre Firewall ausgehende Verbindungen einschränkt, prüfen Sie die Hinweise im Artikel zur WLAN-Einrichtung.</p>`,
    },
    en: {
      title: 'Remote support: letting us look at your till',
      summary: 'With a six-digit code we can view your till remotely, and only while you allow it.',
      body: `<p>Some problems are solved fastest when we can see your till's screen. Remote support is built into the till app, so there is nothing to install.</p>
<h2>Starting a session</h2>
<ol>
<li>On the till, open <strong>☰ Menu → Help → Remote support</strong>.</li>
<li>The till shows a six-digit code such as <code>482 913</code>. Read it out to the support person on the phone or type it into the chat.</li>
<li>Confirm the request on screen with <strong>Allow access</strong>.</li>
</ol>
<p>While the session is running, a red frame around the screen shows that someone is watching. Tap <strong>End</strong> in the frame to disconnect at any time.</p>
<h2>What we can and cannot do</h2>
<ul>
<li>We see the till's screen and can change settings, but we cannot ring up sales or void receipts.</li>
<li>The code is valid for ten minutes and for one session only.</li>
<li>Every session is logged with date, duration and the name of the support person. You find the log in the back office under <strong>Account → Security → Remote support</strong>.</li>
</ul>
<h3>No code appears?</h3>
<p>Remote support needs an internet connection on port 443. If your firewall restricts outgoing connections, see the notes in the Wi-Fi setup article.</p>`,
    },
  },
  {
    key: 'feature-requests',
    section: 'support-contact',
    tags: ['feature-request', 'roadmap'],
    related: ['support-hours-contact'],
    de: {
      title: 'Funktionswünsche einreichen und die Roadmap verfolgen',
      summary: 'Wie aus Ihrer Idee eine neue Funktion wird und wo Sie sehen, was als Nächstes kommt.',
      body: `<p>Viele Funktionen der Kasse gehen auf Vorschläge aus Läden, Cafés und Bäckereien zurück, zuletzt etwa das Trinkgeld pro Person im Tagesabschluss. Wir freuen uns also ausdrücklich über Ihre Ideen.</p>
<h2>So reichen Sie einen Wunsch ein</h2>
<ol>
<li>Öffnen Sie im Backoffice <strong>Hilfe → Ideen &amp; Wünsche</strong>.</li>
<li>Suchen Sie zuerst, ob es den Vorschlag schon gibt. Wenn ja, stimmen Sie dafür und ergänzen Sie gern einen Kommentar, wie Sie die Funktion nutzen würden.</li>
<li>Wenn nicht, legen Sie einen neuen Vorschlag an. Beschreiben Sie weniger die Lösung als Ihr Problem im Alltag, z. B. „Wir rechnen jeden Abend das Trinkgeld von Hand aus“.</li>
</ol>
<h2>Was danach passiert</h2>
<p>Unser Produktteam sichtet neue Vorschläge alle zwei Wochen. Jeder Vorschlag bekommt einen Status: <em>Wird geprüft</em>, <em>Geplant</em>, <em>In Arbeit</em>, <em>Veröffentlicht</em> oder <em>Vorerst nicht geplant</em> (mit Begründung). Bei jeder Statusänderung erhalten alle, die abgestimmt haben, eine E-Mail.</p>
<h3>Gut zu wissen</h3>
<ul>
<li>Die Zahl der Stimmen ist ein Faktor, aber nicht der einzige; gesetzliche Änderungen haben immer Vorrang.</li>
<li>Einen festen Termin nennen wir erst, wenn eine Funktion im Status „In Arbeit“ ist.</li>
<li>Für neue Funktionen gibt es oft eine Testphase, an der Sie freiwillig teilnehmen können.</li>
</ul>`,
    },
    en: {
      title: 'Suggesting features and following the roadmap',
      summary: 'How your idea becomes a new feature, and where to see what is coming next.',
      body: `<p>Many features of the till started as suggestions from shops, cafés and bakeries, most recently tips per person in the end-of-day report. So we really do want to hear your ideas.</p>
<h2>How to submit an idea</h2>
<ol>
<li>In the back office, open <strong>Help → Ideas &amp; requests</strong>.</li>
<li>First search whether someone has already suggested it. If so, vote for it and add a comment on how you would use it.</li>
<li>If not, create a new suggestion. Describe the problem in your day-to-day work rather than a solution, for example "We work out tips by hand every evening".</li>
</ol>
<h2>What happens next</h2>
<p>Our product team reviews new suggestions every two weeks. Each one gets a status: <em>Under review</em>, <em>Planned</em>, <em>In progress</em>, <em>Released</em> or <em>Not planned for now</em> (with a reason). Everyone who voted receives an email whenever the status changes.</p>
<h3>Good to know</h3>
<ul>
<li>Votes matter, but they are not the only factor; changes required by law always come first.</li>
<li>We only give a date once a feature is "In progress".</li>
<li>New features often have a beta phase that you can join if you like.</li>
</ul>`,
    },
  },
];
