import type { DemoArticle } from './types.ts';

/** What German till law (KassenSichV, §146a AO) asks of a business and how the till meets it. */
export const FISCAL_ARTICLES: DemoArticle[] = [
  {
    key: 'tse-explained',
    section: 'fiscal-law',
    tags: ['tse', 'kassensichv', 'compliance'],
    related: ['tse-failure', 'finanzamt-registration', 'receipt-obligation'],
    de: {
      title: 'Was ist die TSE und wie aktiviere ich sie?',
      summary: 'Die technische Sicherheitseinrichtung kurz erklärt: wozu sie dient, wo sie steckt und wie Sie ihren Zustand prüfen.',
      body: `<p>Die <strong>technische Sicherheitseinrichtung (TSE)</strong> ist seit 2020 für elektronische Kassen in Deutschland Pflicht. Sie signiert jeden Vorgang an der Kasse, vom Verkauf bis zum Storno, und speichert ihn so, dass er sich nachträglich nicht unbemerkt ändern lässt. Jede Kasse braucht eine eigene, vom BSI zertifizierte TSE.</p>
<h2>Wo steckt die TSE?</h2>
<p>Bei unserem Kassenrechner T11 ist die TSE eine kleine Speicherkarte im Gerät. Sie arbeitet auch ohne Internet. Auf jedem Beleg sehen Sie ihre Spuren: die TSE-Seriennummer, eine Transaktionsnummer, Start- und Endzeit und einen QR-Code mit der Signatur.</p>
<h2>TSE aktivieren</h2>
<p>Der Einrichtungsassistent aktiviert die TSE bei der Ersteinrichtung. Haben Sie den Schritt übersprungen oder eine Ersatzkarte eingesetzt:</p>
<ol>
<li>Öffnen Sie an der Kasse <strong>Einstellungen → TSE</strong>.</li>
<li>Tippen Sie auf <strong>TSE aktivieren</strong> und bestätigen Sie mit der PIN des Inhaberkontos.</li>
<li>Nach etwa 30 Sekunden steht der Status auf „aktiv“.</li>
</ol>
<h2>Zustand prüfen</h2>
<p>Unter <strong>Einstellungen → TSE</strong> sehen Sie Status, Seriennummer, das Ablaufdatum des Zertifikats und wie voll der Speicher ist. Drei Monate bevor das Zertifikat abläuft oder der Speicher zu 90 % gefüllt ist, melden wir uns und schicken Ihnen eine neue TSE-Karte.</p>
<h3>Gut zu wissen</h3>
<p>Die Seriennummer der TSE brauchen Sie für die Meldung der Kasse beim Finanzamt. Die Daten der TSE müssen Sie wie alle Kassendaten zehn Jahre aufbewahren; eine ausgetauschte TSE-Karte daher nicht wegwerfen, sondern vorher exportieren.</p>`,
    },
    en: {
      title: 'What is the TSE and how do I activate it?',
      summary: 'The technical security device in brief: what it is for, where it sits and how to check its state.',
      body: `<p>The <strong>TSE</strong> (technische Sicherheitseinrichtung, a technical security device) has been mandatory for electronic tills in Germany since 2020. It signs every transaction at the till, from sales to voids, and stores it so that it can't be changed later without it showing. Every till needs its own TSE certified by the BSI, Germany's federal IT security agency.</p>
<h2>Where is the TSE?</h2>
<p>In our T11 till computer the TSE is a small memory card inside the device. It also works without internet. You can see its traces on every receipt: the TSE serial number, a transaction number, start and end time, and a QR code holding the signature.</p>
<h2>Activating the TSE</h2>
<p>The setup assistant activates the TSE during the first setup. If you skipped that step or inserted a replacement card:</p>
<ol>
<li>On the till, open <strong>Settings → TSE</strong>.</li>
<li>Tap <strong>Activate TSE</strong> and confirm with the owner account's PIN.</li>
<li>After about 30 seconds the status changes to "active".</li>
</ol>
<h2>Checking its state</h2>
<p><strong>Settings → TSE</strong> shows the status, the serial number, when the certificate expires and how full the memory is. Three months before the certificate expires, or when the memory is 90 % full, we contact you and send a new TSE card.</p>
<h3>Good to know</h3>
<p>You need the TSE serial number to register the till with the tax office. TSE data must be kept for ten years like all till data, so don't throw away a replaced TSE card; export it first.</p>`,
    },
  },
  {
    key: 'tse-failure',
    section: 'fiscal-law',
    tags: ['tse', 'outage', 'error-codes', 'compliance'],
    related: ['tse-explained', 'support-hours-contact', 'offline-mode'],
    de: {
      title: 'TSE-Ausfall: Fehler E-301, E-302 oder E-303',
      summary: 'Wenn die Kasse meldet, dass die TSE nicht erreichbar ist: was Sie prüfen, ob Sie weiter verkaufen dürfen und was dokumentiert werden muss.',
      body: `<p>Meldet die Kasse einen TSE-Fehler, erscheint oben ein roter Balken. Die gute Nachricht zuerst: <strong>Sie dürfen weiter verkaufen.</strong> Das Gesetz sieht für einen Ausfall ausdrücklich vor, dass der Betrieb weiterläuft.</p>
<h2>Die Fehlercodes</h2>
<table>
<tr><th>Code</th><th>Bedeutung</th></tr>
<tr><td>E-301</td><td>TSE nicht erreichbar, meist ein Kontaktproblem der Karte</td></tr>
<tr><td>E-302</td><td>Zertifikat der TSE abgelaufen</td></tr>
<tr><td>E-303</td><td>Signatur fehlgeschlagen oder Speicher voll</td></tr>
</table>
<h2>Sofort prüfen</h2>
<ol>
<li>Schalten Sie den Kassenrechner aus, warten Sie 30 Sekunden und schalten Sie ihn wieder ein.</li>
<li>Öffnen Sie <strong>Einstellungen → TSE</strong>. Steht der Status wieder auf „aktiv“, ist alles in Ordnung.</li>
<li>Bleibt der Fehler, rufen Sie unsere Notfall-Hotline an bzw. schreiben Sie dem Support mit Seriennummer der Kasse und Fehlercode.</li>
</ol>
<h2>Weiterverkaufen während des Ausfalls</h2>
<ul>
<li>Die Kasse druckt auf jeden Beleg den Hinweis „Sicherheitseinrichtung ausgefallen“. Das ist korrekt so.</li>
<li>Beginn, Ende und Ursache des Ausfalls protokolliert die Kasse automatisch. Notieren Sie zusätzlich, was Sie unternommen haben; das gehört in Ihre Kassendokumentation.</li>
<li>Die TSE muss unverzüglich ersetzt werden. Eine Ersatzkarte schicken wir per Express.</li>
</ul>
<h3>Muss ich das dem Finanzamt melden?</h3>
<p>Der Ausfall selbst muss nicht gemeldet werden, wohl aber der Austausch der TSE: Die neue Seriennummer geben Sie innerhalb eines Monats über Mein ELSTER an.</p>`,
    },
    en: {
      title: 'TSE failure: errors E-301, E-302 or E-303',
      summary: 'When the till reports the TSE as unavailable: what to check, whether you may keep selling, and what must be documented.',
      body: `<p>When the till reports a TSE error, a red bar appears at the top. The good news first: <strong>you may keep selling.</strong> German law explicitly provides for business to continue during an outage.</p>
<h2>The error codes</h2>
<table>
<tr><th>Code</th><th>Meaning</th></tr>
<tr><td>E-301</td><td>TSE not reachable, usually a contact problem with the card</td></tr>
<tr><td>E-302</td><td>TSE certificate expired</td></tr>
<tr><td>E-303</td><td>Signing failed or memory full</td></tr>
</table>
<h2>Check straight away</h2>
<ol>
<li>Switch the till computer off, wait 30 seconds and switch it on again.</li>
<li>Open <strong>Settings → TSE</strong>. If the status is back to "active", all is well.</li>
<li>If the error persists, call our emergency hotline or write to support with the till's serial number and the error code.</li>
</ol>
<h2>Selling during the outage</h2>
<ul>
<li>The till prints "Security device failed" on every receipt. That is correct.</li>
<li>The till logs the start, end and cause of the outage automatically. Also note down what you did about it; it belongs in your till documentation.</li>
<li>The TSE must be replaced without undue delay. We send a replacement card by express.</li>
</ul>
<h3>Do I have to tell the tax office?</h3>
<p>The outage itself doesn't have to be reported, but replacing the TSE does: report the new serial number through Mein ELSTER within one month.</p>`,
    },
  },
  {
    key: 'kassennachschau',
    section: 'fiscal-law',
    tags: ['kassennachschau', 'tax-audit', 'compliance'],
    related: ['dsfinvk-export', 'tse-explained', 'daily-closing-z-report'],
    de: {
      title: 'Kassennachschau: Wenn das Finanzamt unangemeldet vor der Tür steht',
      summary: 'Was bei einer Kassennachschau passiert, welche Unterlagen verlangt werden und wie Sie sie mit einem Klick bereitstellen.',
      body: `<p>Bei einer Kassennachschau kommt eine Amtsträgerin oder ein Amtsträger des Finanzamts ohne Ankündigung während der Öffnungszeiten vorbei und prüft, ob Ihre Kasse ordnungsgemäß arbeitet. Häufig hat vorher jemand unerkannt einen Testkauf gemacht. Das ist keine Betriebsprüfung, kann aber in eine übergehen.</p>
<h2>Der Ablauf</h2>
<ol>
<li>Die Person weist sich mit Dienstausweis aus. Lassen Sie sich den Ausweis zeigen.</li>
<li>Sie wird nach den Kassendaten, der TSE und der Verfahrensdokumentation fragen, eventuell auch nach einem Kassensturz, also dem Zählen des Bargelds.</li>
<li>Sie dürfen Ihre Steuerberatung anrufen. Warten muss die Prüfung darauf aber nicht.</li>
</ol>
<h2>Unterlagen mit einem Klick</h2>
<p>Öffnen Sie im Backoffice <strong>Berichte → Kassennachschau</strong>. Dort erstellen Sie in einem Schritt:</p>
<ul>
<li>den <strong>DSFinV-K-Export</strong> für den gewünschten Zeitraum,</li>
<li>den <strong>TSE-Export</strong> aller Kassen,</li>
<li>unsere <strong>Verfahrensdokumentation</strong> als PDF mit Angaben zu Kasse und TSE.</li>
</ul>
<p>Die Dateien laden Sie herunter oder speichern sie direkt auf einen USB-Stick am Kassenrechner.</p>
<h3>Vorbereitet sein</h3>
<ul>
<li>Ergänzen Sie die Verfahrensdokumentation um Ihren Teil: Wer bedient die Kasse, wie läuft der Tagesabschluss, wo werden Unterlagen aufbewahrt?</li>
<li>Machen Sie jeden Tag einen Tagesabschluss. Lücken in der Z-Nummerierung fallen sofort auf.</li>
<li>Bewahren Sie Protokolle von TSE-Ausfällen griffbereit auf.</li>
</ul>`,
    },
  },
  {
    key: 'finanzamt-registration',
    section: 'fiscal-law',
    tags: ['finanzamt', 'elster', 'compliance', 'tse'],
    related: ['tse-explained', 'change-plan', 'cancel-contract'],
    de: {
      title: 'Kasse beim Finanzamt melden (§ 146a Abs. 4 AO)',
      summary: 'Welche Angaben die Meldung über Mein ELSTER braucht, welche Fristen gelten und wo Sie alle Daten im Backoffice finden.',
      body: `<p>Seit dem 1. Januar 2025 müssen Sie dem Finanzamt jede elektronische Kasse mit TSE melden. Die Meldung läuft über <strong>Mein ELSTER</strong> (Formular „Mitteilung über elektronische Aufzeichnungssysteme“) oder über Ihre Steuerberatung.</p>
<h2>Fristen</h2>
<ul>
<li><strong>Neue Kasse:</strong> innerhalb eines Monats nach Anschaffung.</li>
<li><strong>Kasse außer Betrieb</strong> (Verkauf, Defekt, Vertragsende): innerhalb eines Monats.</li>
<li><strong>TSE getauscht:</strong> ebenfalls innerhalb eines Monats, denn die TSE-Seriennummer ist Teil der Meldung.</li>
</ul>
<h2>Was Sie angeben müssen</h2>
<p>Alle Angaben für Ihre Betriebsstätte finden Sie im Backoffice unter <strong>Einstellungen → TSE → Meldehilfe Finanzamt</strong>, zum Abtippen oder als PDF für Ihre Steuerberatung:</p>
<ul>
<li>Art des Systems („Computergestütztes Kassensystem“), Hersteller, Modell und Softwareversion</li>
<li>Seriennummer des Kassenrechners (SN-…)</li>
<li>Seriennummer und BSI-Zertifizierungs-ID der TSE</li>
<li>Datum der Anschaffung und ggf. der Außerbetriebnahme</li>
</ul>
<h2>Wichtig zu wissen</h2>
<p>Die Meldung erfolgt je Betriebsstätte und umfasst immer <strong>alle</strong> Kassen dort. Kommt eine Kasse hinzu, übermitteln Sie die vollständige Liste erneut, nicht nur die neue Kasse.</p>
<p>Die Meldung ist eine Pflicht des Unternehmens, nicht unsere. Wir stellen die Daten bereit, übermitteln sie aber nicht selbst. Bewahren Sie die Übermittlungsbestätigung aus ELSTER bei Ihrer Verfahrensdokumentation auf.</p>
<p><em>Dieser Artikel ersetzt keine Steuerberatung.</em></p>`,
    },
  },
  {
    key: 'receipt-obligation',
    section: 'fiscal-law',
    tags: ['belegausgabepflicht', 'receipts', 'compliance'],
    related: ['km10-customer-display', 'bp80-prints-nothing', 'tse-explained'],
    de: {
      title: 'Belegausgabepflicht: Papierbon oder digitaler Beleg',
      summary: 'Warum Sie zu jedem Verkauf einen Beleg anbieten müssen und wie Sie mit QR-Code oder E-Mail Papier sparen.',
      body: `<p>Seit 2020 gilt in Deutschland die <strong>Belegausgabepflicht</strong>: Zu jedem Verkauf muss ein Beleg erstellt und der Kundschaft angeboten werden. Mitnehmen muss ihn niemand, und liegengelassene Papierbons müssen Sie nicht aufbewahren.</p>
<h2>Papier oder digital</h2>
<p>Ein elektronischer Beleg erfüllt die Pflicht genauso, wenn die Kundschaft zustimmt. Die Kasse bietet drei Wege an:</p>
<ul>
<li><strong>Papier</strong> über den Bondrucker</li>
<li><strong>QR-Code</strong> auf dem Kundenmonitor: Wer ihn scannt, sieht den Beleg im Browser und kann ihn als PDF speichern. Es werden keine persönlichen Daten erfasst.</li>
<li><strong>E-Mail</strong>, wenn die Kundin ihre Adresse nennt</li>
</ul>
<h2>Einstellen</h2>
<p>Unter <strong>Einstellungen → Beleg → Belegausgabe</strong> wählen Sie zwischen „Immer drucken“, „Fragen“ und „Digital anbieten, Druck auf Wunsch“. Die letzte Option spart viel Papier, setzt aber einen Kundenmonitor oder einen gut sichtbaren QR-Code voraus.</p>
<h2>Was auf dem Beleg stehen muss</h2>
<p>Name und Anschrift Ihres Betriebs, Datum sowie Start- und Endzeit, Menge und Art der Waren, Transaktionsnummer, Betrag mit Steuersatz und Steuerbetrag, Seriennummer der Kasse und der TSE sowie die Signatur. Das alles füllt die Kasse automatisch aus; Sie ergänzen unter <strong>Einstellungen → Beleg → Kopfzeile</strong> nur Name und Adresse.</p>
<h3>Befreiung?</h3>
<p>Eine Befreiung gibt es nur auf Antrag beim Finanzamt und nur in seltenen Fällen, etwa bei sehr vielen Kleinstverkäufen an Unbekannte. Ein Bondrucker-Ausfall ist kein Grund; nutzen Sie dann den QR-Code.</p>`,
    },
    en: {
      title: 'Mandatory receipts: paper or digital',
      summary: 'Why you must offer a receipt for every sale, and how QR codes or email save paper.',
      body: `<p>Since 2020, German law requires a receipt to be created for every sale and offered to the customer (Belegausgabepflicht). Nobody has to take it, and you don't have to keep paper receipts that customers leave behind.</p>
<h2>Paper or digital</h2>
<p>An electronic receipt fulfils the obligation just as well if the customer agrees. The till offers three ways:</p>
<ul>
<li><strong>Paper</strong> from the receipt printer</li>
<li><strong>QR code</strong> on the customer display: scanning it opens the receipt in the browser, where it can be saved as a PDF. No personal data is collected.</li>
<li><strong>Email</strong>, if the customer gives their address</li>
</ul>
<h2>Setting it up</h2>
<p>Under <strong>Settings → Receipt → Receipt output</strong> choose between "Always print", "Ask" and "Offer digital, print on request". The last option saves a lot of paper, but it needs a customer display or a clearly visible QR code.</p>
<h2>What a receipt must show</h2>
<p>Your business name and address, the date with start and end time, quantity and type of goods, the transaction number, the amount with VAT rate and VAT amount, the serial numbers of till and TSE, and the signature. The till fills all of this in automatically; you only add your name and address under <strong>Settings → Receipt → Header</strong>.</p>
<h3>Exemption?</h3>
<p>Exemptions are only granted by the tax office on application and only in rare cases, such as very many tiny sales to anonymous customers. A broken receipt printer is not a reason; use the QR code instead.</p>`,
    },
  },
  {
    key: 'vat-rates',
    section: 'fiscal-law',
    tags: ['vat', 'mwst', 'gastronomy', 'takeaway'],
    related: ['products-and-categories', 'datev-export'],
    de: {
      title: 'Mehrwertsteuer 7 % oder 19 %: Steuersätze richtig zuordnen',
      summary: 'Wie die Kasse den Steuersatz bestimmt, was bei „im Haus“ und „außer Haus“ gilt und wie Sie Sätze ändern.',
      body: `<p>Den Steuersatz eines Artikels legt die Kasse über seine Warengruppe fest. Für die meisten Artikel ist das eindeutig: Lebensmittel, Bücher und Zeitungen mit 7 %, Getränke, Non-Food und Dienstleistungen mit 19 %.</p>
<h2>Gastronomie: Speisen und Getränke</h2>
<p>Seit dem 1. Januar 2026 gilt für Speisen in der Gastronomie dauerhaft 7 %, egal ob vor Ort gegessen oder mitgenommen. Getränke bleiben bei 19 %. Eine Ausnahme sind Milch und Milchmischgetränke mit mindestens 75 % Milchanteil: zum Mitnehmen 7 %, im Café serviert 19 %.</p>
<table>
<tr><th>Beispiel</th><th>Vor Ort</th><th>Zum Mitnehmen</th></tr>
<tr><td>Käsebrötchen</td><td>7 %</td><td>7 %</td></tr>
<tr><td>Filterkaffee</td><td>19 %</td><td>19 %</td></tr>
<tr><td>Latte macchiato (über 75 % Milch)</td><td>19 %</td><td>7 %</td></tr>
</table>
<h2>Im Haus oder außer Haus buchen</h2>
<p>Ist bei einem Artikel „Steuersatz je nach Verzehrort“ aktiv, zeigt die Kasse oben den Schalter <strong>Im Haus / Außer Haus</strong>. Den Standard legen Sie unter <strong>Einstellungen → Kasse → Standard-Verzehrort</strong> fest. Für Menüs aus Speise und Getränk teilt die Kasse den Preis nach den Einzelpreisen auf.</p>
<h2>Steuersatz ändern</h2>
<p>Ändern Sie den Satz an der Warengruppe unter <strong>Artikel → Warengruppen</strong>, am besten nach Ladenschluss. Die Änderung gilt für alle neuen Verkäufe; bereits gebuchte Belege bleiben unverändert.</p>
<p><em>Die Beispiele ersetzen keine Steuerberatung. Klären Sie Grenzfälle mit Ihrem Steuerbüro.</em></p>`,
    },
    en: {
      title: 'VAT at 7 % or 19 %: assigning rates correctly',
      summary: 'How the till determines the VAT rate, what applies to eat-in and take-away, and how to change rates.',
      body: `<p>The till takes a product's VAT rate from its product group. For most items this is clear-cut: food, books and newspapers at 7 %; drinks, non-food items and services at 19 %.</p>
<h2>Restaurants and cafés: food and drinks</h2>
<p>Since 1 January 2026, food served in restaurants and cafés is permanently taxed at 7 %, whether eaten in or taken away. Drinks stay at 19 %. The exception is milk and milk drinks with at least 75 % milk: 7 % to take away, 19 % when served in the café.</p>
<table>
<tr><th>Example</th><th>Eat in</th><th>Take away</th></tr>
<tr><td>Cheese roll</td><td>7 %</td><td>7 %</td></tr>
<tr><td>Filter coffee</td><td>19 %</td><td>19 %</td></tr>
<tr><td>Latte macchiato (over 75 % milk)</td><td>19 %</td><td>7 %</td></tr>
</table>
<h2>Booking eat-in or take-away</h2>
<p>If "VAT rate depends on where it is consumed" is switched on for a product, the till shows an <strong>Eat in / Take away</strong> switch at the top. Set the default under <strong>Settings → Till → Default consumption</strong>. For meal deals combining food and a drink, the till splits the price according to the individual prices.</p>
<h2>Changing a rate</h2>
<p>Change the rate on the product group under <strong>Products → Product groups</strong>, ideally after closing. The change applies to all new sales; receipts already booked stay as they are.</p>
<p><em>These examples are not tax advice. Check borderline cases with your tax adviser.</em></p>`,
    },
  },
];
