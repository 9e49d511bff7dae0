import type { DemoArticle } from './types.ts';

/** Closing the day, cash in the drawer, and the exports for accountants and tax audits. */
export const CLOSING_EXPORT_ARTICLES: DemoArticle[] = [
  {
    key: 'daily-closing-z-report',
    section: 'closing-reports',
    tags: ['z-bon', 'tagesabschluss', 'end-of-day'],
    related: ['cash-in-out', 'tips-handling', 'app-crash-after-update'],
    video: { provider: 'youtube', id: 'Vb2Lx7sJ4mQ' },
    de: {
      title: 'Tagesabschluss machen und Z-Bon drucken',
      summary: 'Kassenbestand zählen, Differenzen erfassen und den Tag abschließen, damit die Kassenführung lückenlos bleibt.',
      body: `<p>Der Tagesabschluss beendet einen Geschäftstag. Die Kasse fasst alle Umsätze nach Zahlungsart und Steuersatz zusammen und erstellt den <strong>Z-Bon</strong> mit fortlaufender Nummer. Machen Sie ihn an jedem Tag, an dem verkauft wurde. Fehlende Nummern fallen bei einer Prüfung sofort auf.</p>
<h2>Schritt für Schritt</h2>
<ol>
<li>Öffnen Sie an der Kasse <strong>☰ Menü → Tagesabschluss</strong>.</li>
<li>Zählen Sie das Bargeld in der Schublade und tragen Sie die Anzahl je Schein und Münze ins Zählprotokoll ein.</li>
<li>Die Kasse zeigt den Soll-Bestand und eine mögliche Differenz. Geben Sie bei einer Differenz einen kurzen Grund an.</li>
<li>Tippen Sie auf <strong>Abschluss erstellen</strong>. Der Z-Bon wird gedruckt und im Backoffice gespeichert.</li>
</ol>
<h2>X-Bon oder Z-Bon?</h2>
<p>Der <strong>X-Bon</strong> ist ein Zwischenbericht, etwa beim Schichtwechsel. Er schließt nichts ab und kann beliebig oft gedruckt werden. Der <strong>Z-Bon</strong> schließt den Tag endgültig ab und lässt sich nicht wiederholen.</p>
<h2>Abschluss vergessen?</h2>
<p>Holen Sie ihn vor dem ersten Verkauf am nächsten Morgen nach. Der Z-Bon umfasst dann alle Umsätze seit dem letzten Abschluss und nennt den Zeitraum. Wer das öfter vergisst, aktiviert unter <strong>Einstellungen → Tagesabschluss</strong> den automatischen Abschluss um 5 Uhr; das Zählprotokoll fehlt dann allerdings.</p>
<h3>Mehrere Kassen</h3>
<p>Jede Kasse macht ihren eigenen Abschluss. Im Backoffice unter <strong>Berichte → Tagesabschlüsse</strong> sehen Sie alle Z-Bons und eine Filialsumme pro Tag.</p>`,
    },
    en: {
      title: 'Closing the day and printing the Z report',
      summary: 'Count the cash, record differences and close the day so your till records have no gaps.',
      body: `<p>The end-of-day closing finishes a business day. The till totals all sales by payment method and VAT rate and creates the <strong>Z report</strong> with a sequential number. Do it on every day you made sales; missing numbers stand out immediately in an audit.</p>
<h2>Step by step</h2>
<ol>
<li>On the till, open <strong>☰ Menu → End of day</strong>.</li>
<li>Count the cash in the drawer and enter the number of each note and coin in the count sheet.</li>
<li>The till shows the expected cash and any difference. If there is one, give a short reason.</li>
<li>Tap <strong>Create closing</strong>. The Z report is printed and stored in the back office.</li>
</ol>
<h2>X report or Z report?</h2>
<p>The <strong>X report</strong> is an interim summary, for example at a shift change. It closes nothing and can be printed as often as you like. The <strong>Z report</strong> closes the day for good and cannot be repeated.</p>
<h2>Forgot to close?</h2>
<p>Do it the next morning before the first sale. The Z report then covers all sales since the last closing and states the period. If this happens often, switch on automatic closing at 5 am under <strong>Settings → End of day</strong>; the cash count is missing in that case, though.</p>
<h3>Several tills</h3>
<p>Each till does its own closing. In the back office under <strong>Reports → End-of-day reports</strong> you see all Z reports and a total per location and day.</p>`,
    },
  },
  {
    key: 'cash-in-out',
    section: 'closing-reports',
    tags: ['cash', 'kassenbuch', 'cash-difference'],
    related: ['daily-closing-z-report', 'users-and-roles'],
    de: {
      title: 'Bargeld einlegen und entnehmen, Kassendifferenzen klären',
      summary: 'Wechselgeld, Bankeinzahlung, Privatentnahme und Barausgaben richtig buchen, damit der Kassenbestand stimmt.',
      body: `<p>Jede Bewegung von Bargeld, die kein Verkauf ist, muss in der Kasse gebucht werden. Nur so stimmt der Soll-Bestand beim Tagesabschluss, und nur so ist Ihr Kassenbuch für das Finanzamt nachvollziehbar.</p>
<h2>Die vier Buchungsarten</h2>
<p>Alle finden Sie an der Kasse unter <strong>☰ Menü → Bargeld</strong>:</p>
<ul>
<li><strong>Einlage:</strong> Wechselgeld am Morgen oder Geld, das Sie aus privaten Mitteln einlegen.</li>
<li><strong>Entnahme für die Bank:</strong> Bargeld, das Sie zur Bank bringen. Es wird als Geldtransit gebucht.</li>
<li><strong>Privatentnahme:</strong> Geld, das Inhaberin oder Inhaber für sich entnehmen.</li>
<li><strong>Barausgabe:</strong> ein Einkauf aus der Kasse, z. B. Milch für 12,40 €. Wählen Sie den Steuersatz und heben Sie den Einkaufsbeleg auf.</li>
</ul>
<p>Jede Buchung verlangt einen Grund, wird von der TSE signiert und druckt einen kleinen Beleg, den Sie zum Geld bzw. zum Einkaufsbeleg legen.</p>
<h2>Kassendifferenz beim Abschluss</h2>
<p>Kleine Differenzen kommen vor, etwa durch falsch herausgegebenes Wechselgeld. Tragen Sie sie ehrlich ein; eine Differenz ist kein Fehler in der Buchführung, eine fehlende Buchung schon. Gleichen Sie Differenzen nie mit einer erfundenen Einlage oder Entnahme aus.</p>
<h3>Wiederkehrende Differenzen</h3>
<p>Unter <strong>Berichte → Kassenbuch</strong> sehen Sie alle Bargeldbewegungen und Differenzen je Tag und Person. Häufen sich Fehlbeträge bei einer Schicht, lohnt ein Blick auf Barretouren und Stornos dieser Schicht.</p>`,
    },
    en: {
      title: 'Cash in, cash out and sorting out cash differences',
      summary: 'Book change, bank deposits, owner withdrawals and cash expenses correctly so the drawer balance is right.',
      body: `<p>Every movement of cash that isn't a sale must be booked in the till. Only then does the expected balance match at the end of the day, and only then can the tax office follow your cash book.</p>
<h2>The four kinds of booking</h2>
<p>You find them all on the till under <strong>☰ Menu → Cash</strong>:</p>
<ul>
<li><strong>Cash in:</strong> change in the morning, or money you add from private funds.</li>
<li><strong>Withdrawal for the bank:</strong> cash you take to the bank. It is booked as money in transit.</li>
<li><strong>Owner withdrawal:</strong> money the owner takes for themselves.</li>
<li><strong>Cash expense:</strong> a purchase paid from the drawer, such as milk for €12.40. Choose the VAT rate and keep the shop's receipt.</li>
</ul>
<p>Every booking needs a reason, is signed by the TSE and prints a small slip to keep with the cash or the purchase receipt.</p>
<h2>Cash difference at closing</h2>
<p>Small differences happen, for example when wrong change was given. Record them honestly: a difference is not a bookkeeping error, but a missing booking is. Never balance a difference with a made-up cash in or cash out.</p>
<h3>Recurring differences</h3>
<p>Under <strong>Reports → Cash book</strong> you see all cash movements and differences by day and person. If shortfalls pile up on one shift, look at that shift's cash refunds and voids.</p>`,
    },
  },
  {
    key: 'datev-export',
    section: 'exports',
    tags: ['datev', 'export', 'accounting'],
    related: ['csv-export-excel', 'dsfinvk-export', 'find-invoices'],
    de: {
      title: 'DATEV-Export für die Steuerberatung',
      summary: 'Einmal einrichten, dann monatlich mit wenigen Klicks exportieren, und was bei Fehler E-501 zu tun ist.',
      body: `<p>Der DATEV-Export liefert Ihrer Steuerberatung alle Umsätze, Zahlungsarten und Bargeldbewegungen als Buchungsstapel im DATEV-Format. Die meisten Steuerbüros erwarten ihn bis zum 10. des Folgemonats für die Umsatzsteuer-Voranmeldung.</p>
<h2>Einmalig einrichten</h2>
<ol>
<li>Öffnen Sie im Backoffice <strong>Berichte → Exporte → DATEV → Einstellungen</strong>.</li>
<li>Tragen Sie Berater- und Mandantennummer sowie den Beginn des Wirtschaftsjahres ein. Beides bekommen Sie von Ihrem Steuerbüro.</li>
<li>Wählen Sie den Kontenrahmen (SKR03 oder SKR04). Die Kasse schlägt passende Erlöskonten je Steuersatz vor.</li>
<li>Prüfen Sie die Konten für Zahlungsarten, z. B. Kasse und Geldtransit für Kartenzahlungen. Im Zweifel fragen Sie Ihr Steuerbüro.</li>
</ol>
<h2>Monatlich exportieren</h2>
<p>Wählen Sie unter <strong>Berichte → Exporte → DATEV</strong> den Monat und klicken Sie auf <strong>Export erstellen</strong>. Sie erhalten eine ZIP-Datei, die Sie Ihrem Steuerbüro schicken. Exportiert werden nur abgeschlossene Tage, also Tage mit Z-Bon.</p>
<h2>Fehler E-501: Export fehlgeschlagen</h2>
<p>Bricht der Export ab, hat fast immer ein Beleg einen Steuersatz oder eine Zahlungsart, der noch kein Konto zugeordnet ist, häufig 0 % beim Verkauf von Gutscheinen. Die Fehlermeldung nennt die Belegnummer. Ordnen Sie in den DATEV-Einstellungen ein Konto zu und starten Sie den Export erneut. Findet sich der Beleg nicht, exportieren Sie wochenweise, um den Zeitraum einzugrenzen.</p>
<h3>Direkt an DATEV übertragen</h3>
<p>Im Tarif Business können Sie den Export auch direkt an DATEV Unternehmen online senden; Ihr Steuerbüro muss die Verbindung einmal freigeben.</p>`,
    },
    en: {
      title: 'DATEV export for your accountant',
      summary: 'Set it up once, export monthly in a few clicks, and what to do about error E-501.',
      body: `<p>DATEV is the accounting software used by most German tax advisers. The DATEV export gives your accountant all sales, payment methods and cash movements as a batch of bookings in DATEV format. Most firms want it by the 10th of the following month for the VAT return.</p>
<h2>One-time setup</h2>
<ol>
<li>In the back office, open <strong>Reports → Exports → DATEV → Settings</strong>.</li>
<li>Enter the adviser and client numbers and the start of your financial year. Your accountant provides both.</li>
<li>Choose the chart of accounts (SKR03 or SKR04). The till suggests suitable revenue accounts for each VAT rate.</li>
<li>Check the accounts for payment methods, such as cash and money in transit for card payments. If unsure, ask your accountant.</li>
</ol>
<h2>Exporting each month</h2>
<p>Under <strong>Reports → Exports → DATEV</strong>, pick the month and click <strong>Create export</strong>. You receive a ZIP file to send to your accountant. Only closed days, meaning days with a Z report, are exported.</p>
<h2>Error E-501: export failed</h2>
<p>If the export stops, a receipt almost always has a VAT rate or payment method with no account assigned yet, often 0 % for gift voucher sales. The error message names the receipt number. Assign an account in the DATEV settings and run the export again. If you can't find the receipt, export week by week to narrow down the period.</p>
<h3>Sending straight to DATEV</h3>
<p>On the Business plan you can also send the export directly to DATEV Unternehmen online; your accountant has to approve the connection once.</p>`,
    },
  },
  {
    key: 'csv-export-excel',
    section: 'exports',
    tags: ['csv', 'export', 'excel'],
    related: ['datev-export', 'products-and-categories'],
    de: {
      title: 'CSV-Export in Excel öffnen, ohne dass Umlaute kaputtgehen',
      summary: 'Artikel, Umsätze und Belege als CSV exportieren und in Excel mit korrekten Umlauten, Beträgen und EANs anzeigen.',
      body: `<p>Unter <strong>Berichte → Exporte → CSV</strong> exportieren Sie Artikellisten, Umsätze je Artikel oder Warengruppe und Belegdetails für einen Zeitraum von bis zu zwölf Monaten. Die Dateien nutzen das Semikolon als Trennzeichen und das Komma als Dezimalzeichen.</p>
<h2>Umlaute erscheinen als „Ã¤“ oder „Ã¼“</h2>
<p>Die Datei ist in UTF-8 gespeichert, Excel liest sie per Doppelklick aber in einer älteren Zeichenkodierung. Zwei Lösungen:</p>
<ul>
<li><strong>Einfach:</strong> Setzen Sie beim Export den Haken bei <strong>Excel-kompatibel (mit BOM)</strong>. Dann öffnet Excel die Datei per Doppelklick richtig.</li>
<li><strong>In Excel:</strong> Öffnen Sie eine leere Mappe, dann <strong>Daten → Aus Text/CSV</strong>, wählen Sie die Datei und stellen Sie „Dateiursprung“ auf „65001: Unicode (UTF-8)“.</li>
</ul>
<h2>EANs werden zu „4,00E+12“</h2>
<p>Excel hält lange Zahlen für Zahlen in Exponentialschreibweise und schneidet Stellen ab. Nutzen Sie den Import über <strong>Daten → Aus Text/CSV</strong>, klicken Sie auf <strong>Daten transformieren</strong> und setzen Sie die Spalte EAN auf den Typ „Text“. Speichern Sie eine so geöffnete Datei nicht wieder als CSV, wenn Sie sie später für den Artikelimport verwenden wollen, sonst sind die EANs verloren.</p>
<h3>Andere Programme</h3>
<p>LibreOffice und Numbers fragen beim Öffnen nach der Kodierung; wählen Sie UTF-8. Für Ihre Buchhaltung ist der DATEV-Export meist die bessere Wahl als eine CSV-Datei.</p>`,
    },
    en: {
      title: 'Opening a CSV export in Excel without garbled characters',
      summary: 'Export products, sales and receipts as CSV and show them in Excel with correct special characters, amounts and EANs.',
      body: `<p>Under <strong>Reports → Exports → CSV</strong> you can export product lists, sales per product or product group, and receipt details for periods of up to twelve months. The files use a semicolon as separator and a comma as decimal mark, as is usual in Germany.</p>
<h2>Characters appear as "Ã©" or "Ã¼"</h2>
<p>The file is saved as UTF-8, but Excel reads it in an older encoding when you double-click it. Two fixes:</p>
<ul>
<li><strong>Simple:</strong> tick <strong>Excel compatible (with BOM)</strong> when exporting. Excel then opens the file correctly on a double-click.</li>
<li><strong>In Excel:</strong> open a blank workbook, then <strong>Data → From Text/CSV</strong>, select the file and set "File origin" to "65001: Unicode (UTF-8)". Set the delimiter to semicolon if Excel doesn't detect it.</li>
</ul>
<h2>EANs turn into "4.00E+12"</h2>
<p>Excel treats long numbers as numbers in scientific notation and drops digits. Use the import via <strong>Data → From Text/CSV</strong>, click <strong>Transform data</strong> and set the EAN column to type "Text". Don't save a file opened this way back to CSV if you want to use it for a product import later, or the EANs will be lost.</p>
<h3>Other programs</h3>
<p>LibreOffice and Numbers ask for the encoding when opening; choose UTF-8. For your bookkeeping, the DATEV export is usually a better choice than a CSV file.</p>`,
    },
  },
  {
    key: 'dsfinvk-export',
    section: 'exports',
    tags: ['dsfinv-k', 'export', 'tax-audit', 'compliance'],
    related: ['kassennachschau', 'tse-explained', 'cancel-contract'],
    de: {
      title: 'DSFinV-K-Export für Betriebsprüfung und Kassennachschau',
      summary: 'Den gesetzlich vorgeschriebenen Kassendaten-Export erstellen, prüfen und zehn Jahre sicher aufbewahren.',
      body: `<p>Die <strong>DSFinV-K</strong> (Digitale Schnittstelle der Finanzverwaltung für Kassensysteme) legt fest, in welchem Format Kassendaten an das Finanzamt gehen. Bei einer Kassennachschau oder Betriebsprüfung wird genau dieser Export verlangt, zusammen mit dem TSE-Export.</p>
<h2>Export erstellen</h2>
<ol>
<li>Öffnen Sie im Backoffice <strong>Berichte → Exporte → DSFinV-K</strong>.</li>
<li>Wählen Sie die Kasse oder „Alle Kassen“ und den Zeitraum. Der Zeitraum richtet sich nach Tagesabschlüssen; auf Wunsch wählen Sie direkt von Z-Nummer bis Z-Nummer.</li>
<li>Klicken Sie auf <strong>Export erstellen</strong>. Große Zeiträume werden im Hintergrund erstellt, und Sie erhalten eine E-Mail mit einem Download-Link, der sieben Tage gilt.</li>
</ol>
<p>Das Ergebnis ist eine ZIP-Datei mit rund 20 CSV-Dateien und einer <code>index.xml</code>. Verändern Sie die Dateien nicht, auch nicht durch Öffnen und Speichern in Excel.</p>
<h2>TSE-Export nicht vergessen</h2>
<p>Die Signaturen der TSE stecken nicht im DSFinV-K-Export. Erstellen Sie diesen Export zusätzlich unter <strong>Einstellungen → TSE → TSE-Export</strong>. Sie erhalten eine TAR-Datei je TSE.</p>
<h2>Aufbewahrung</h2>
<ul>
<li>Kassendaten müssen zehn Jahre aufbewahrt werden. Solange Ihr Vertrag läuft, speichern wir sie für Sie.</li>
<li>Laden Sie die Exporte trotzdem einmal im Jahr herunter und bewahren Sie sie getrennt auf, spätestens aber vor einem Vertragsende.</li>
</ul>
<h3>Tage fehlen im Export?</h3>
<p>Tage ohne Tagesabschluss fehlen. Holen Sie fehlende Abschlüsse nach und erstellen Sie den Export erneut.</p>`,
    },
    en: {
      title: 'DSFinV-K export for tax audits and spot checks',
      summary: 'Create the legally required till data export, check it and keep it safe for ten years.',
      body: `<p>The <strong>DSFinV-K</strong> is the format German tax authorities prescribe for till data. In a spot check (Kassennachschau) or a tax audit, this is exactly the export you will be asked for, together with the TSE export.</p>
<h2>Creating the export</h2>
<ol>
<li>In the back office, open <strong>Reports → Exports → DSFinV-K</strong>.</li>
<li>Choose the till or "All tills" and the period. Periods follow your end-of-day closings; if you prefer, select from Z number to Z number directly.</li>
<li>Click <strong>Create export</strong>. Long periods are built in the background, and you get an email with a download link valid for seven days.</li>
</ol>
<p>The result is a ZIP file with around 20 CSV files and an <code>index.xml</code>. Don't change the files, not even by opening and saving them in Excel.</p>
<h2>Don't forget the TSE export</h2>
<p>The TSE signatures are not part of the DSFinV-K export. Create that export as well under <strong>Settings → TSE → TSE export</strong>. You get one TAR file per TSE.</p>
<h2>Retention</h2>
<ul>
<li>Till data must be kept for ten years. While your contract runs, we store it for you.</li>
<li>Still, download the exports once a year and keep them separately, and in any case before your contract ends.</li>
</ul>
<h3>Days missing from the export?</h3>
<p>Days without an end-of-day closing are left out. Close the missing days and create the export again.</p>`,
    },
  },
];
