import type { DemoArticle } from './types.ts';

/** The BP-80 receipt printer and card payments with the CT-4 card reader. */
export const PRINTER_CARD_ARTICLES: DemoArticle[] = [
  {
    key: 'bp80-prints-nothing',
    section: 'receipt-printer',
    tags: ['printer', 'bondrucker-bp-80', 'troubleshooting'],
    related: ['bp80-paper-jam', 'bp80-faint-print', 'app-crash-after-update'],
    de: {
      title: 'Bondrucker BP-80 druckt keine Belege',
      summary: 'Die Kasse meldet „gedruckt“, aber es kommt nichts heraus, oder es erscheint Fehler E-103: die Ursachen der Reihe nach.',
      body: `<p>Prüfen Sie zuerst, was die Kasse meldet. Sehen Sie <strong>Fehler E-103 „Drucker nicht erreichbar“</strong>, ist die Verbindung das Problem. Meldet die Kasse den Beleg als gedruckt und das Papier bleibt weiß, liegt es fast immer am Papier.</p>
<h2>Es kommt weißes Papier heraus</h2>
<p>Die Rolle ist falsch herum eingelegt. Thermopapier ist nur auf einer Seite beschichtet. Kratzen Sie mit dem Fingernagel über das Papier: Die Seite, auf der ein dunkler Strich entsteht, muss beim Einlegen nach oben zum Druckkopf zeigen.</p>
<h2>Fehler E-103: Drucker nicht erreichbar</h2>
<ol>
<li>Leuchtet die grüne POWER-LED? Wenn nicht, Netzteil und Steckdose prüfen.</li>
<li>Bei Anschluss per Netzwerkkabel: Hat der Router dem Drucker eine neue IP-Adresse gegeben? Öffnen Sie <strong>Einstellungen → Geräte → Drucker → Drucker suchen</strong> und wählen Sie den BP-80 neu aus.</li>
<li>Damit das nicht wieder passiert, vergeben Sie im Router eine feste IP-Adresse für den Drucker.</li>
<li>Bei USB: Kabel an der Kasse abziehen, 10 Sekunden warten, wieder einstecken.</li>
</ol>
<h2>Nach einem Update druckt nichts mehr</h2>
<p>Entfernen Sie den Drucker unter <strong>Einstellungen → Geräte → Drucker</strong> und fügen Sie ihn neu hinzu. Dabei wird der Treiber frisch geladen. Hilft das nicht, prüfen Sie unter <strong>Einstellungen → Info</strong>, ob schon eine neuere Version bereitsteht.</p>
<h3>Zum Testen</h3>
<p>Mit <strong>Einstellungen → Geräte → Drucker → Testdruck</strong> prüfen Sie die Verbindung ohne Verkauf. Druckt der Testdruck, aber keine Belege, ist vermutlich ein anderer Drucker als Belegdrucker eingestellt.</p>
<p>Wichtig: Solange der Drucker ausfällt, müssen Sie Belege trotzdem anbieten. Nutzen Sie dafür den digitalen Beleg per QR-Code.</p>`,
    },
    en: {
      title: 'BP-80 receipt printer prints nothing',
      summary: 'The till says "printed" but nothing comes out, or error E-103 appears: the causes, one by one.',
      body: `<p>First look at what the till reports. If you see <strong>error E-103 "Printer not reachable"</strong>, the connection is the problem. If the till reports the receipt as printed and the paper stays blank, it is almost always the paper.</p>
<h2>Blank paper comes out</h2>
<p>The roll is in the wrong way round. Thermal paper is only coated on one side. Scratch the paper with a fingernail: the side that shows a dark mark must face up towards the print head.</p>
<h2>Error E-103: printer not reachable</h2>
<ol>
<li>Is the green POWER light on? If not, check the power supply and socket.</li>
<li>Connected by network cable: has your router given the printer a new IP address? Open <strong>Settings → Devices → Printer → Search for printers</strong> and select the BP-80 again.</li>
<li>To stop this from happening again, give the printer a fixed IP address in your router.</li>
<li>Connected by USB: unplug the cable from the till, wait 10 seconds and plug it back in.</li>
</ol>
<h2>Nothing prints since an update</h2>
<p>Remove the printer under <strong>Settings → Devices → Printer</strong> and add it again, which reloads the driver. If that doesn't help, check under <strong>Settings → About</strong> whether a newer version is already available.</p>
<h3>Testing</h3>
<p><strong>Settings → Devices → Printer → Test print</strong> checks the connection without a sale. If the test print works but receipts don't, a different printer is probably set as the receipt printer.</p>
<p>Important: while the printer is down you still have to offer receipts. Use the digital receipt via QR code.</p>`,
    },
  },
  {
    key: 'bp80-paper-jam',
    section: 'receipt-printer',
    tags: ['printer', 'bondrucker-bp-80', 'paper'],
    related: ['bp80-prints-nothing', 'bp80-faint-print'],
    video: { provider: 'youtube', id: 'Zp4tN8cWq1E' },
    de: {
      title: 'Papierstau beim BP-80 beheben und Rolle wechseln',
      summary: 'Fehler E-104 oder ein klemmendes Abschneidemesser: So befreien Sie den Drucker und legen eine neue Rolle richtig ein.',
      body: `<p>Blinkt die rote ERROR-LED und zeigt die Kasse <strong>Fehler E-104 „Papierstau oder Messer blockiert“</strong>, steckt meist ein Papierrest im Abschneidemesser. Das passiert vor allem, wenn jemand am Beleg zieht, während der Drucker noch schneidet.</p>
<h2>Papierstau beheben</h2>
<ol>
<li>Schalten Sie den Drucker am Schalter an der Seite aus.</li>
<li>Öffnen Sie den Deckel mit dem Hebel vorne. Geht der Deckel nicht auf, ist das Messer blockiert: Klappen Sie die schmale Frontblende unter dem Papierausgang ab und drehen Sie das Rädchen dahinter in Pfeilrichtung, bis sich der Deckel öffnen lässt.</li>
<li>Entfernen Sie Papierreste vorsichtig mit den Fingern. Bitte keine Schere oder Messer benutzen, der Druckkopf ist empfindlich.</li>
<li>Legen Sie die Rolle neu ein, schließen Sie den Deckel und schalten Sie den Drucker ein.</li>
</ol>
<h2>Neue Rolle einlegen</h2>
<ul>
<li>Passend sind Thermorollen mit 80 mm Breite, höchstens 80 mm Durchmesser und 12 mm Kern.</li>
<li>Das Papier läuft von unten über die Rolle nach vorne heraus, die beschichtete Seite zeigt nach oben.</li>
<li>Ziehen Sie etwa 5 cm Papier heraus, bevor Sie den Deckel schließen. Er muss hörbar einrasten.</li>
</ul>
<p>Die orangefarbene PAPER-LED warnt, wenn die Rolle zur Neige geht. Ist das Papier ganz leer, meldet die Kasse <strong>E-101</strong>.</p>
<h3>Stau kommt immer wieder?</h3>
<p>Dann ist das Messer vermutlich abgenutzt. Schreiben Sie uns mit der Seriennummer (SN-…); innerhalb der Garantie tauschen wir den Drucker aus.</p>`,
    },
    en: {
      title: 'Clearing a paper jam on the BP-80 and changing the roll',
      summary: 'Error E-104 or a stuck cutter: how to free the printer and load a new roll the right way.',
      body: `<p>If the red ERROR light flashes and the till shows <strong>error E-104 "Paper jam or cutter blocked"</strong>, a scrap of paper is usually caught in the cutter. This mostly happens when someone pulls the receipt while the printer is still cutting.</p>
<h2>Clearing the jam</h2>
<ol>
<li>Switch the printer off with the switch on its side.</li>
<li>Open the cover with the lever at the front. If it won't open, the cutter is blocked: fold down the narrow front panel below the paper exit and turn the small wheel behind it in the direction of the arrow until the cover opens.</li>
<li>Remove the paper scraps carefully with your fingers. Please don't use scissors or knives; the print head is delicate.</li>
<li>Reload the roll, close the cover and switch the printer on.</li>
</ol>
<h2>Loading a new roll</h2>
<ul>
<li>Use thermal rolls 80 mm wide, at most 80 mm in diameter, with a 12 mm core.</li>
<li>The paper runs from underneath over the roll and out at the front, with the coated side facing up.</li>
<li>Pull out about 5 cm of paper before closing the cover. It should click shut.</li>
</ul>
<p>The orange PAPER light warns you when the roll is running low. When it is completely empty, the till reports <strong>E-101</strong>.</p>
<h3>Keeps jamming?</h3>
<p>The cutter is probably worn. Send us the serial number (SN-…); under warranty we replace the printer.</p>`,
    },
  },
  {
    key: 'bp80-faint-print',
    section: 'receipt-printer',
    tags: ['printer', 'bondrucker-bp-80', 'paper', 'print-quality'],
    related: ['bp80-paper-jam', 'receipt-obligation'],
    de: {
      title: 'Schrift auf dem Beleg zu hell oder verblasst',
      summary: 'Blasse, streifige oder schnell verblassende Kassenbons: Papier, Druckdichte und Druckkopf prüfen.',
      body: `<p>Ein gut lesbarer Beleg ist nicht nur eine Frage des Eindrucks: Kundinnen und Kunden reichen Belege zur Erstattung ein, und unleserliche Bons sorgen für Rückfragen. Drei Dinge bestimmen, wie kräftig der BP-80 druckt.</p>
<h2>1. Das Papier</h2>
<p>Günstiges Thermopapier hat oft eine dünne Beschichtung und druckt grau statt schwarz. Wir empfehlen phenolfreies Thermopapier mit 55 g/m². Papier, das lange in der Sonne oder neben der Heizung lag, ist vorgeschädigt und druckt ebenfalls blass.</p>
<h2>2. Die Druckdichte</h2>
<ol>
<li>Öffnen Sie <strong>Einstellungen → Geräte → Drucker → Druckdichte</strong>.</li>
<li>Erhöhen Sie den Wert von 3 (Standard) auf 4 oder 5.</li>
<li>Prüfen Sie das Ergebnis mit <strong>Testdruck</strong>.</li>
</ol>
<p>Höhere Stufen drucken dunkler, aber etwas langsamer und lassen den Druckkopf schneller altern. Stufe 5 nur bei schwachem Papier verwenden.</p>
<h2>3. Der Druckkopf</h2>
<p>Sind einzelne senkrechte Streifen hell, ist der Druckkopf verschmutzt. Schalten Sie den Drucker aus, lassen Sie ihn zwei Minuten abkühlen und wischen Sie den Druckkopf (die dunkle Leiste unter dem Deckel) mit einem Reinigungsstäbchen und Isopropylalkohol ab. Alle 10 bis 15 Rollen ist das ohnehin eine gute Idee.</p>
<h3>Belege verblassen nach einigen Monaten</h3>
<p>Das ist bei Thermopapier normal. Für die Aufbewahrung zählen die digitalen Belegdaten in der Kasse, nicht die Papierbons.</p>`,
    },
    en: {
      title: 'Print on receipts is too light or fading',
      summary: 'Pale, streaky or quickly fading receipts: check the paper, print density and print head.',
      body: `<p>A readable receipt is about more than looks: customers submit receipts for expenses, and illegible ones lead to questions. Three things decide how dark the BP-80 prints.</p>
<h2>1. The paper</h2>
<p>Cheap thermal paper often has a thin coating and prints grey rather than black. We recommend phenol-free thermal paper at 55 g/m². Paper that has been in the sun or next to a radiator for a long time is already damaged and also prints faintly.</p>
<h2>2. Print density</h2>
<ol>
<li>Open <strong>Settings → Devices → Printer → Print density</strong>.</li>
<li>Raise the value from 3 (default) to 4 or 5.</li>
<li>Check the result with <strong>Test print</strong>.</li>
</ol>
<p>Higher levels print darker but a little slower, and they wear the print head faster. Only use level 5 with weak paper.</p>
<h2>3. The print head</h2>
<p>If there are light vertical stripes, the print head is dirty. Switch the printer off, let it cool for two minutes and wipe the print head (the dark strip under the cover) with a cleaning swab and isopropyl alcohol. Doing this every 10 to 15 rolls is a good habit anyway.</p>
<h3>Receipts fade after a few months</h3>
<p>That is normal for thermal paper. For record-keeping, what counts is the digital receipt data in the till, not the paper receipts.</p>`,
    },
  },
  {
    key: 'bp80-wrong-characters',
    section: 'receipt-printer',
    tags: ['printer', 'bondrucker-bp-80', 'character-set', 'firmware'],
    related: ['bp80-prints-nothing', 'app-updates'],
    de: {
      title: 'Umlaute und Sonderzeichen werden falsch gedruckt',
      summary: 'Fragezeichen statt ä, ö, ü oder € auf dem Beleg: Zeichensatz des Druckers auf PC858 stellen.',
      body: `<p>Steht auf dem Beleg „Br?tchen“ statt „Brötchen“ oder fehlt das Euro-Zeichen, hat der Drucker den falschen Zeichensatz geladen. Das passiert gelegentlich nach einem Stromausfall oder wenn ein Drucker aus einem anderen Land stammt. Der Druckkopf ist dabei völlig in Ordnung.</p>
<h2>Zeichensatz prüfen</h2>
<ol>
<li>Schalten Sie den Drucker aus.</li>
<li>Halten Sie die Vorschubtaste (FEED) gedrückt und schalten Sie ihn wieder ein. Lassen Sie die Taste los, sobald er druckt.</li>
<li>Auf der Testseite stehen Firmware-Version und Zeichensatz („Code Page“).</li>
</ol>
<p>Für deutsche Belege muss dort <strong>PC858</strong> stehen. PC437 kennt weder das Euro-Zeichen noch alle Umlaute.</p>
<h2>Zeichensatz umstellen</h2>
<ol>
<li>Öffnen Sie an der Kasse <strong>Einstellungen → Geräte → Drucker → Erweitert</strong>.</li>
<li>Wählen Sie unter <strong>Zeichensatz</strong> den Eintrag „PC858 (Westeuropa mit €)“.</li>
<li>Tippen Sie auf <strong>An Drucker senden</strong> und machen Sie einen Testdruck.</li>
</ol>
<p>Die Einstellung wird dauerhaft im Drucker gespeichert und übersteht auch den nächsten Stromausfall.</p>
<h3>Firmware älter als 2.3?</h3>
<p>Ältere Firmware vergisst den Zeichensatz gelegentlich. Auf derselben Seite finden Sie <strong>Firmware aktualisieren</strong>; das dauert etwa drei Minuten. Schalten Sie den Drucker währenddessen keinesfalls aus.</p>`,
    },
    en: {
      title: 'Special characters print incorrectly',
      summary: 'Question marks instead of accented letters or the € sign: set the printer code page to PC858.',
      body: `<p>If your receipt says "Cr?me br?l?e" instead of "Crème brûlée", or the euro sign is missing, the printer has loaded the wrong code page. This occasionally happens after a power cut, or when a printer comes from another country. The print head itself is fine.</p>
<h2>Checking the code page</h2>
<ol>
<li>Switch the printer off.</li>
<li>Hold down the FEED button and switch it on again. Release the button once it starts printing.</li>
<li>The self-test page shows the firmware version and the code page.</li>
</ol>
<p>For receipts with euro signs and accented letters it must say <strong>PC858</strong>. PC437 has neither the euro sign nor all accented characters.</p>
<h2>Changing the code page</h2>
<ol>
<li>On the till, open <strong>Settings → Devices → Printer → Advanced</strong>.</li>
<li>Under <strong>Character set</strong>, choose "PC858 (Western Europe with €)".</li>
<li>Tap <strong>Send to printer</strong> and do a test print.</li>
</ol>
<p>The setting is stored permanently in the printer and survives the next power cut.</p>
<h3>Firmware older than 2.3?</h3>
<p>Older firmware occasionally forgets the code page. On the same screen you'll find <strong>Update firmware</strong>; it takes about three minutes. Do not switch the printer off while it runs.</p>`,
    },
  },
  {
    key: 'ct4-bluetooth-pairing',
    section: 'card-payments',
    tags: ['card-reader', 'kartenleser-ct-4', 'bluetooth'],
    related: ['ct4-payment-declined', 'wifi-setup'],
    video: { provider: 'youtube', id: 'hK9dR3fYv0s' },
    de: {
      title: 'Kartenleser CT-4 mit der Kasse koppeln',
      summary: 'Den CT-4 per Bluetooth verbinden, Fehler E-210 beheben und das Gerät an eine andere Kasse umziehen.',
      body: `<p>Der Kartenleser CT-4 verbindet sich per Bluetooth mit genau einer Kasse. Laden Sie ihn vor der ersten Nutzung zwei Stunden über das beiliegende USB-C-Kabel.</p>
<h2>Erstmals koppeln</h2>
<ol>
<li>Schalten Sie den CT-4 ein: Ein/Aus-Taste drei Sekunden gedrückt halten.</li>
<li>Öffnen Sie an der Kasse <strong>Einstellungen → Geräte → Kartenleser → Neues Gerät</strong>.</li>
<li>Wählen Sie den CT-4 mit der passenden Seriennummer aus der Liste.</li>
<li>Auf beiden Geräten erscheint ein sechsstelliger Code. Stimmen sie überein, bestätigen Sie mit der grünen Taste am Kartenleser.</li>
<li>Machen Sie eine Testzahlung über 1,00 € und stornieren Sie sie danach.</li>
</ol>
<h2>Fehler E-210: Kartenleser nicht verbunden</h2>
<ul>
<li>Ist der Akku leer? Das Display bleibt dann schwarz. Eine Akkuladung reicht für einen langen Geschäftstag.</li>
<li>Abstand zur Kasse höchstens 10 Meter, ohne Metall oder Kühltheke dazwischen.</li>
<li>Bluetooth am Kassenrechner ausgeschaltet? Prüfen Sie <strong>Einstellungen → Geräte → Bluetooth</strong>.</li>
</ul>
<h2>An eine andere Kasse umziehen</h2>
<p>Entfernen Sie den CT-4 an der alten Kasse unter <strong>Einstellungen → Geräte → Kartenleser → Gerät entfernen</strong>. Findet die neue Kasse ihn trotzdem nicht, setzen Sie die Kopplung am Gerät zurück: rote und grüne Taste zusammen fünf Sekunden halten.</p>
<p>Updates für den Kartenleser werden nachts automatisch installiert, wenn er an der Ladestation hängt.</p>`,
    },
    en: {
      title: 'Pairing the CT-4 card reader with your till',
      summary: 'Connect the CT-4 over Bluetooth, fix error E-210 and move the reader to another till.',
      body: `<p>The CT-4 card reader connects over Bluetooth to exactly one till. Charge it for two hours with the USB-C cable in the box before first use.</p>
<h2>First pairing</h2>
<ol>
<li>Switch on the CT-4 by holding the power button for three seconds.</li>
<li>On the till, open <strong>Settings → Devices → Card reader → New device</strong>.</li>
<li>Pick the CT-4 with the matching serial number from the list.</li>
<li>A six-digit code appears on both devices. If they match, confirm with the green button on the reader.</li>
<li>Make a test payment of €1.00 and void it afterwards.</li>
</ol>
<h2>Error E-210: card reader not connected</h2>
<ul>
<li>Is the battery flat? The display stays black then. One charge lasts a long trading day.</li>
<li>Keep the reader within 10 metres of the till, with no metal or fridge counter in between.</li>
<li>Is Bluetooth switched off on the till computer? Check <strong>Settings → Devices → Bluetooth</strong>.</li>
</ul>
<h2>Moving to another till</h2>
<p>Remove the CT-4 on the old till under <strong>Settings → Devices → Card reader → Remove device</strong>. If the new till still can't find it, reset the pairing on the reader: hold the red and green buttons together for five seconds.</p>
<p>Card reader updates install automatically at night while it sits on its charging stand.</p>`,
    },
  },
  {
    key: 'ct4-payment-declined',
    section: 'card-payments',
    tags: ['card-reader', 'kartenleser-ct-4', 'card-payments', 'error-codes'],
    related: ['ct4-bluetooth-pairing', 'card-payouts', 'offline-mode'],
    de: {
      title: 'Kartenzahlung abgelehnt: Fehlercodes am CT-4',
      summary: 'Was die Codes 05, 51, 55 oder 65 bedeuten und wann Sie es erneut versuchen können.',
      body: `<p>Eine abgelehnte Zahlung hat selten mit Ihrer Kasse zu tun. Meist entscheidet die Bank der Kundin oder des Kunden. Der Kartenleser zeigt dazu einen zweistelligen Code, den die Kasse auch im Zahlungsprotokoll speichert.</p>
<table>
<tr><th>Code</th><th>Bedeutung</th><th>Was tun</th></tr>
<tr><td>05</td><td>Nicht autorisiert</td><td>Die Bank lehnt ab, ohne Grund zu nennen. Andere Karte oder bar.</td></tr>
<tr><td>51</td><td>Nicht genügend Deckung</td><td>Andere Karte oder bar.</td></tr>
<tr><td>54</td><td>Karte abgelaufen</td><td>Andere Karte.</td></tr>
<tr><td>55</td><td>PIN falsch</td><td>Erneut versuchen; nach drei Fehlversuchen sperrt die Bank die Karte.</td></tr>
<tr><td>65</td><td>Kontaktlos-Limit erreicht</td><td>Karte einstecken und mit PIN zahlen.</td></tr>
<tr><td>91</td><td>Kartenherausgeber nicht erreichbar</td><td>Nach einer Minute erneut versuchen.</td></tr>
</table>
<h2>Alle Zahlungen werden abgelehnt</h2>
<p>Scheitert jede Karte, liegt es an der Verbindung. Prüfen Sie die Internetverbindung der Kasse und ob der Kartenleser gekoppelt ist. Ohne Internet sind Kartenzahlungen nicht möglich, auch nicht im Offline-Modus der Kasse.</p>
<h2>Verbindung mitten in der Zahlung abgebrochen</h2>
<p>Bevor Sie erneut kassieren, öffnen Sie <strong>Kartenzahlungen → Letzte Zahlungen</strong>. Steht die Zahlung dort als „erfolgreich“, wurde sie belastet und Sie schließen den Verkauf mit <strong>Zahlung übernehmen</strong> ab. So vermeiden Sie doppelte Belastungen.</p>
<h3>Kundin sagt, die Karte funktioniert überall</h3>
<p>Einige Kreditkarten aus dem Ausland sind für Zahlungen ohne PIN gesperrt. Bitten Sie darum, die Karte einzustecken.</p>`,
    },
    en: {
      title: 'Card payment declined: CT-4 error codes',
      summary: 'What codes 05, 51, 55 or 65 mean and when it makes sense to try again.',
      body: `<p>A declined payment rarely has anything to do with your till. In most cases the customer's bank makes the decision. The card reader shows a two-digit code, which the till also keeps in its payment log.</p>
<table>
<tr><th>Code</th><th>Meaning</th><th>What to do</th></tr>
<tr><td>05</td><td>Not authorised</td><td>The bank declines without giving a reason. Use another card or cash.</td></tr>
<tr><td>51</td><td>Insufficient funds</td><td>Use another card or cash.</td></tr>
<tr><td>54</td><td>Card expired</td><td>Use another card.</td></tr>
<tr><td>55</td><td>Wrong PIN</td><td>Try again; after three failed attempts the bank blocks the card.</td></tr>
<tr><td>65</td><td>Contactless limit reached</td><td>Insert the card and pay with PIN.</td></tr>
<tr><td>91</td><td>Card issuer unavailable</td><td>Try again after a minute.</td></tr>
</table>
<h2>Every payment is declined</h2>
<p>If every card fails, it's the connection. Check the till's internet connection and whether the card reader is paired. Card payments are not possible without internet, not even in the till's offline mode.</p>
<h2>Connection dropped during a payment</h2>
<p>Before charging again, open <strong>Card payments → Recent payments</strong>. If the payment shows as "successful", the card was charged and you finish the sale with <strong>Use this payment</strong>. That way nobody is charged twice.</p>
<h3>The customer says the card works everywhere else</h3>
<p>Some foreign credit cards are blocked for payments without a PIN. Ask the customer to insert the card.</p>`,
    },
  },
  {
    key: 'card-payouts',
    section: 'card-payments',
    tags: ['card-payments', 'payouts', 'fees'],
    related: ['ct4-payment-declined', 'datev-export'],
    de: {
      title: 'Wann wird der Kartenumsatz ausgezahlt?',
      summary: 'Auszahlungsrhythmus, Gebühren je Kartenart und wo Sie jede Auszahlung im Backoffice nachvollziehen.',
      body: `<p>Kartenzahlungen eines Tages bündeln wir und überweisen sie abzüglich der Gebühren am nächsten Werktag. Auf Ihrem Konto ist das Geld dann in der Regel einen bis zwei Werktage nach dem Verkauf. Umsätze vom Freitag, Samstag und Sonntag kommen gesammelt am Dienstag an.</p>
<h2>Gebühren</h2>
<table>
<tr><th>Kartenart</th><th>Gebühr pro Zahlung</th></tr>
<tr><td>girocard</td><td>0,39 %</td></tr>
<tr><td>Visa und Mastercard (Debit)</td><td>0,89 %</td></tr>
<tr><td>Kreditkarten (Visa, Mastercard)</td><td>1,49 %</td></tr>
<tr><td>American Express</td><td>2,50 %</td></tr>
</table>
<p>Es gibt keine Grundgebühr und keinen Mindestumsatz. Trinkgeld über den Kartenleser wird wie Umsatz behandelt und mit ausgezahlt.</p>
<h2>Auszahlungen nachvollziehen</h2>
<p>Unter <strong>Berichte → Kartenzahlungen → Auszahlungen</strong> sehen Sie zu jeder Überweisung, welche Zahlungen sie enthält und welche Gebühren abgezogen wurden. Der Verwendungszweck auf Ihrem Kontoauszug beginnt mit „AUSZ“ und dem Datum. Für Ihre Buchhaltung gibt es den Bericht als CSV-Datei.</p>
<h3>Erste Auszahlung verzögert sich</h3>
<p>Vor der ersten Auszahlung muss unser Zahlungsdienstleister Ihr Unternehmen nach dem Geldwäschegesetz prüfen (Identität, Geschäftskonto). Das kann bis zu fünf Werktage dauern. Fehlen Unterlagen, sehen Sie einen Hinweis im Backoffice.</p>
<p>Bei einer Rückbelastung (Chargeback) durch die Bank der Kundschaft ziehen wir den Betrag von der nächsten Auszahlung ab und informieren Sie per E-Mail.</p>`,
    },
    en: {
      title: 'When are card sales paid out?',
      summary: 'Payout schedule, fees per card type, and where to trace each payout in the back office.',
      body: `<p>We bundle a day's card payments and transfer them, minus fees, on the next business day. The money usually reaches your account one to two business days after the sale. Sales from Friday, Saturday and Sunday arrive together on Tuesday.</p>
<h2>Fees</h2>
<table>
<tr><th>Card type</th><th>Fee per payment</th></tr>
<tr><td>girocard</td><td>0.39 %</td></tr>
<tr><td>Visa and Mastercard (debit)</td><td>0.89 %</td></tr>
<tr><td>Credit cards (Visa, Mastercard)</td><td>1.49 %</td></tr>
<tr><td>American Express</td><td>2.50 %</td></tr>
</table>
<p>There is no monthly fee and no minimum turnover. Tips taken on the card reader are treated like sales and paid out with them.</p>
<h2>Tracing payouts</h2>
<p>Under <strong>Reports → Card payments → Payouts</strong> you see, for each transfer, which payments it contains and which fees were deducted. The reference on your bank statement starts with "AUSZ" and the date. A CSV version of the report is available for your bookkeeping.</p>
<h3>First payout delayed</h3>
<p>Before the first payout, our payment provider is legally required to verify your business (identity, business account). This can take up to five business days. If documents are missing, you'll see a notice in the back office.</p>
<p>If a customer's bank reverses a payment (chargeback), we deduct the amount from the next payout and let you know by email.</p>`,
    },
  },
];
