import type { DemoArticle } from './types.ts';

/** The till app, its updates, network and offline operation, and the API for integrations. */
export const SOFTWARE_ARTICLES: DemoArticle[] = [
  {
    key: 'app-updates',
    section: 'app-updates',
    tags: ['updates', 'kassen-app', 'release'],
    related: ['app-crash-after-update', 'bp80-wrong-characters'],
    de: {
      title: 'So kommen Updates auf die Kasse',
      summary: 'Automatische Updates in der Nacht, manuelles Aktualisieren und warum sich Updates nur begrenzt aufschieben lassen.',
      body: `<p>Etwa alle vier Wochen erscheint eine neue Version der Kassen-App, dazwischen bei Bedarf kleinere Korrekturen. Sie müssen sich darum in der Regel nicht kümmern.</p>
<h2>Automatisch in der Nacht</h2>
<p>Ist der Kassenrechner eingeschaltet und mit dem Internet verbunden, installiert er Updates zwischen 2 und 5 Uhr morgens. Am nächsten Morgen zeigt die Kasse kurz „Neu in dieser Version“. Schalten Sie Ihre Kassen nachts aus, erscheint das Update beim nächsten Start als Hinweis.</p>
<h2>Von Hand aktualisieren</h2>
<ol>
<li>Öffnen Sie <strong>Einstellungen → Info</strong>. Dort steht die installierte Version, z. B. 4.13.2.</li>
<li>Tippen Sie auf <strong>Nach Updates suchen</strong>.</li>
<li>Starten Sie das Update nur außerhalb des Betriebs. Es dauert drei bis fünf Minuten; in dieser Zeit kann die Kasse nicht kassieren.</li>
</ol>
<h2>Update verschieben</h2>
<p>Ein Update lässt sich einmalig um bis zu 14 Tage verschieben, etwa wenn gerade Hochsaison ist. Länger geht es nicht: Gesetzliche Änderungen, etwa beim Exportformat für das Finanzamt, müssen rechtzeitig auf allen Kassen ankommen. Versionen, die älter als sechs Monate sind, unterstützen wir nicht mehr.</p>
<h3>Was ist neu?</h3>
<p>Die Änderungen jeder Version finden Sie im Backoffice unter <strong>Hilfe → Neuigkeiten</strong>. Firmware für Drucker und Kartenleser wird separat aktualisiert, jeweils in den Geräteeinstellungen.</p>`,
    },
    en: {
      title: 'How updates reach your till',
      summary: 'Automatic updates at night, updating by hand, and why updates can only be postponed for a while.',
      body: `<p>A new version of the till app comes out roughly every four weeks, with smaller fixes in between when needed. Usually you don't have to do anything.</p>
<h2>Automatically at night</h2>
<p>If the till computer is switched on and online, it installs updates between 2 and 5 am. Next morning the till briefly shows "New in this version". If you switch your tills off overnight, the update appears as a notice at the next start.</p>
<h2>Updating by hand</h2>
<ol>
<li>Open <strong>Settings → About</strong>, which shows the installed version, e.g. 4.13.2.</li>
<li>Tap <strong>Check for updates</strong>.</li>
<li>Only start the update outside opening hours. It takes three to five minutes, and the till can't take payments meanwhile.</li>
</ol>
<h2>Postponing an update</h2>
<p>You can postpone an update once by up to 14 days, for example during peak season. Not longer: legal changes, such as to the export format for the tax office, must reach every till in time. We no longer support versions older than six months.</p>
<h3>What's new?</h3>
<p>The changes in each version are listed in the back office under <strong>Help → What's new</strong>. Printer and card reader firmware is updated separately, in each device's settings.</p>`,
    },
  },
  {
    key: 'app-crash-after-update',
    section: 'app-updates',
    tags: ['crash', 'kassen-app', 'updates', 'troubleshooting'],
    related: ['app-updates', 'remote-support-session', 'daily-closing-z-report'],
    de: {
      title: 'Kassen-App stürzt ab oder friert ein',
      summary: 'Was Sie tun können, wenn die App nach einem Update abstürzt, sich schließt oder bei einer bestimmten Aktion hängen bleibt.',
      body: `<p>Schließt sich die App ohne Meldung oder reagiert nicht mehr, gehen Sie diese Schritte der Reihe nach durch. Nach jedem Schritt lohnt ein kurzer Test.</p>
<ol>
<li><strong>App neu starten:</strong> Wischen Sie die Kassen-App in der App-Übersicht weg und öffnen Sie sie erneut.</li>
<li><strong>Kassenrechner neu starten:</strong> Einschaltknopf drei Sekunden halten, <strong>Neu starten</strong> wählen.</li>
<li><strong>Zwischenspeicher leeren:</strong> <strong>Einstellungen → Info → Zwischenspeicher leeren</strong>. Artikel und Bilder werden neu geladen; noch nicht übertragene Belege bleiben erhalten.</li>
<li><strong>Statusseite prüfen:</strong> Gibt es eine bekannte Störung, steht dort auch, wann die Korrektur kommt.</li>
</ol>
<h2>Absturzbericht senden</h2>
<p>Nach einem Absturz fragt die App beim nächsten Start, ob sie einen Bericht senden darf. Bitte bestätigen Sie das. Der Bericht enthält keine Zahlungsdaten, hilft unserer Entwicklung aber enorm. Schreiben Sie dem Support zusätzlich die Version aus <strong>Einstellungen → Info</strong> und was Sie direkt vor dem Absturz angetippt haben.</p>
<h2>Nur eine Funktion ist betroffen</h2>
<ul>
<li><strong>Tagesabschluss:</strong> Erstellen Sie den Abschluss im Backoffice unter <strong>Berichte → Tagesabschlüsse → Abschluss erstellen</strong>.</li>
<li><strong>Gutschein scannen:</strong> Geben Sie die Gutscheinnummer von Hand ein.</li>
</ul>
<h3>Zurück zur alten Version?</h3>
<p>Das ist leider nicht möglich, weil sich mit Updates auch das Datenformat für TSE und Exporte ändern kann. Korrekturen für Fehler, die viele Kassen betreffen, veröffentlichen wir meist innerhalb von 24 bis 48 Stunden.</p>`,
    },
    en: {
      title: 'Till app crashes or freezes',
      summary: 'What to do when the app crashes after an update, closes itself or hangs on a particular action.',
      body: `<p>If the app closes without a message or stops responding, work through these steps in order. A quick test after each one is worthwhile.</p>
<ol>
<li><strong>Restart the app:</strong> swipe the till app away in the app overview and open it again.</li>
<li><strong>Restart the till computer:</strong> hold the power button for three seconds and choose <strong>Restart</strong>.</li>
<li><strong>Clear the cache:</strong> <strong>Settings → About → Clear cache</strong>. Products and images are reloaded; receipts that haven't been uploaded yet are kept.</li>
<li><strong>Check the status page:</strong> if there is a known issue, it also says when the fix is due.</li>
</ol>
<h2>Sending a crash report</h2>
<p>After a crash the app asks at the next start whether it may send a report. Please say yes. The report contains no payment data but helps our developers a great deal. Also tell support the version from <strong>Settings → About</strong> and what you tapped right before the crash.</p>
<h2>Only one function is affected</h2>
<ul>
<li><strong>End of day:</strong> create the report in the back office under <strong>Reports → End-of-day reports → Create report</strong>.</li>
<li><strong>Scanning a voucher:</strong> type the voucher number in by hand.</li>
</ul>
<h3>Going back to the old version?</h3>
<p>Unfortunately that isn't possible, because updates can change the data format for the TSE and exports. Fixes for bugs that affect many tills are usually released within 24 to 48 hours.</p>`,
    },
  },
  {
    key: 'offline-mode',
    section: 'network-offline',
    tags: ['offline', 'internet', 'tse'],
    related: ['wifi-setup', 'ct4-payment-declined', 'tse-failure'],
    de: {
      title: 'Offline-Modus: Kassieren ohne Internet',
      summary: 'Was bei einem Internetausfall weiter funktioniert, was nicht, und wie die Daten danach nachgeladen werden.',
      body: `<p>Fällt das Internet aus, wechselt die Kasse automatisch in den Offline-Modus. Oben rechts erscheint eine orangefarbene Wolke. Sie müssen nichts umstellen.</p>
<h2>Das funktioniert offline</h2>
<ul>
<li>Barverkäufe, Storno und Retouren gegen Bargeld</li>
<li>Belegdruck und die Signatur durch die TSE, denn sie steckt im Kassenrechner selbst</li>
<li>Tagesabschluss; der Z-Bon wird später hochgeladen</li>
<li>Einlösen von Gutscheinen bis zum zuletzt bekannten Restwert</li>
</ul>
<h2>Das funktioniert nicht</h2>
<ul>
<li><strong>Kartenzahlung</strong>: Der Kartenleser braucht eine Verbindung zur Bank. Ein Handy-Hotspot hilft als Notlösung, siehe unten.</li>
<li>Digitale Belege per QR-Code und Änderungen aus dem Backoffice, etwa neue Preise</li>
</ul>
<h2>Nach dem Ausfall</h2>
<p>Sobald die Verbindung zurück ist, überträgt die Kasse alle Belege selbstständig. Unter <strong>Einstellungen → Info</strong> sehen Sie „Nicht übertragene Belege: 0“, wenn alles angekommen ist. Bis dahin die Kasse bitte nicht zurücksetzen oder neu installieren.</p>
<h2>Notlösung Hotspot</h2>
<p>Verbinden Sie den Kassenrechner unter <strong>Einstellungen → Netzwerk → WLAN</strong> mit dem Hotspot eines Smartphones. Eine Kartenzahlung braucht nur wenige Kilobyte.</p>
<h3>Grenzen</h3>
<p>Die Kasse arbeitet bis zu 72 Stunden offline. Danach fordert sie eine Verbindung, bevor weitere Verkäufe möglich sind, damit Belege nicht zu lange nur auf einem Gerät liegen.</p>`,
    },
    en: {
      title: 'Offline mode: selling without internet',
      summary: 'What keeps working during an internet outage, what does not, and how the data is uploaded afterwards.',
      body: `<p>If the internet goes down, the till switches to offline mode automatically and an orange cloud appears at the top right. You don't need to change anything.</p>
<h2>What works offline</h2>
<ul>
<li>Cash sales, voids and cash refunds</li>
<li>Printing receipts and TSE signing, because the TSE sits inside the till computer</li>
<li>End of day; the Z report is uploaded later</li>
<li>Redeeming vouchers up to their last known balance</li>
</ul>
<h2>What doesn't</h2>
<ul>
<li><strong>Card payments</strong>: the card reader needs a connection to the bank. A phone hotspot helps in an emergency, see below.</li>
<li>Digital receipts via QR code and changes from the back office, such as new prices</li>
</ul>
<h2>After the outage</h2>
<p>Once the connection is back, the till uploads all receipts by itself. Under <strong>Settings → About</strong> you'll see "Receipts not uploaded: 0" when everything has arrived. Until then, please don't reset or reinstall the till.</p>
<h2>Emergency hotspot</h2>
<p>Connect the till computer to a smartphone hotspot under <strong>Settings → Network → Wi-Fi</strong>. A card payment needs only a few kilobytes.</p>
<h3>Limits</h3>
<p>The till works offline for up to 72 hours. After that it asks for a connection before allowing further sales, so receipts don't sit on a single device for too long.</p>`,
    },
  },
  {
    key: 'wifi-setup',
    section: 'network-offline',
    tags: ['wifi', 'network', 'firewall'],
    related: ['offline-mode', 'bp80-prints-nothing', 'remote-support-session'],
    de: {
      title: 'WLAN und Netzwerk für Kasse und Geräte einrichten',
      summary: 'Kasse stabil ins Netz bringen, Fehler E-401 beheben und was Gäste-WLAN und Firewall damit zu tun haben.',
      body: `<p>Ein Netzwerkkabel ist die zuverlässigste Verbindung. Wo das nicht geht, funktioniert WLAN gut, wenn ein paar Dinge stimmen.</p>
<h2>WLAN verbinden</h2>
<ol>
<li>Öffnen Sie an der Kasse <strong>Einstellungen → Netzwerk → WLAN</strong>.</li>
<li>Wählen Sie Ihr Netz und geben Sie das Passwort ein.</li>
<li>Die Signalanzeige sollte mindestens drei Balken zeigen. Bei weniger hilft ein Repeater oder Mesh-System in der Nähe der Kasse.</li>
</ol>
<h2>Gäste-WLAN ist keine gute Idee</h2>
<p>Gäste-Netze isolieren die Geräte voneinander. Dann erreicht die Kasse zwar das Internet, aber nicht den Bondrucker im selben Raum. Kasse, Drucker und Kundenmonitor gehören ins selbe, interne Netz. WLANs mit Anmeldeseite, wie in Hotels oder Einkaufszentren, werden nicht unterstützt.</p>
<h2>Fehler E-401: Keine Verbindung zum Server</h2>
<ul>
<li>Funktioniert das Internet an einem anderen Gerät im selben Netz?</li>
<li>Steht die Uhrzeit an der Kasse richtig? Weicht sie um mehr als fünf Minuten ab, lehnt der Server die Verbindung ab.</li>
<li>Lässt Ihre Firewall ausgehende Verbindungen über die Ports 443 (HTTPS) und 123 (Zeitabgleich) zu?</li>
</ul>
<h3>2,4 oder 5 GHz?</h3>
<p>Der Kassenrechner T11 kann beides. 5 GHz ist schneller, reicht aber weniger weit und schlechter durch Wände. Hat die Kasse im 5-GHz-Netz häufig Aussetzer, verbinden Sie sie mit dem 2,4-GHz-Netz Ihres Routers.</p>`,
    },
    en: {
      title: 'Setting up Wi-Fi and networking for your till and devices',
      summary: 'Get the till reliably online, fix error E-401, and how guest Wi-Fi and firewalls get in the way.',
      body: `<p>A network cable is the most reliable connection. Where that isn't possible, Wi-Fi works well as long as a few things are right.</p>
<h2>Connecting to Wi-Fi</h2>
<ol>
<li>On the till, open <strong>Settings → Network → Wi-Fi</strong>.</li>
<li>Choose your network and enter the password.</li>
<li>The signal indicator should show at least three bars. If it shows fewer, a repeater or mesh system near the till helps.</li>
</ol>
<h2>Guest Wi-Fi is a bad idea</h2>
<p>Guest networks isolate devices from each other. The till then reaches the internet but not the receipt printer in the same room. Till, printer and customer display belong on the same internal network. Wi-Fi networks with a login page, as in hotels or shopping centres, are not supported.</p>
<h2>Error E-401: no connection to the server</h2>
<ul>
<li>Does the internet work on another device on the same network?</li>
<li>Is the till's clock right? If it is more than five minutes off, the server refuses the connection.</li>
<li>Does your firewall allow outgoing connections on ports 443 (HTTPS) and 123 (time sync)?</li>
</ul>
<h3>2.4 or 5 GHz?</h3>
<p>The T11 till computer supports both. 5 GHz is faster but has a shorter range and passes through walls less well. If the till keeps dropping out on 5 GHz, connect it to your router's 2.4 GHz network.</p>`,
    },
  },
  {
    key: 'api-keys',
    section: 'api-webhooks',
    tags: ['api', 'integration', 'developer'],
    related: ['webhooks-setup', 'plans-compared'],
    de: {
      title: 'REST-API: Zugriffsschlüssel erstellen und Daten abrufen',
      summary: 'API-Schlüssel anlegen, Berechtigungen wählen und typische Fehler wie 401, 429 oder 500 verstehen.',
      body: `<p>Über die REST-API verbinden Sie die Kasse mit Webshop, Warenwirtschaft oder eigenen Auswertungen. Die API steht in den Tarifen Business und Enterprise zur Verfügung. Die vollständige Referenz finden Sie im Backoffice unter <strong>Hilfe → API-Dokumentation</strong>.</p>
<h2>Schlüssel erstellen</h2>
<ol>
<li>Öffnen Sie <strong>Einstellungen → Schnittstellen → API-Schlüssel → Neuer Schlüssel</strong>.</li>
<li>Vergeben Sie einen sprechenden Namen, etwa „Webshop-Plugin“.</li>
<li>Wählen Sie nur die Berechtigungen, die die Anbindung braucht, z. B. <code>sales:read</code> und <code>stock:write</code>.</li>
<li>Legen Sie die Gültigkeit fest: 12 Monate (Standard) oder unbegrenzt.</li>
<li>Kopieren Sie den Schlüssel sofort. Er wird nur einmal angezeigt.</li>
</ol>
<p>Jede Anfrage schickt den Schlüssel im Header mit: <code>Authorization: Bearer &lt;Schlüssel&gt;</code>.</p>
<h2>Häufige Fehler</h2>
<table>
<tr><th>Status</th><th>Ursache</th></tr>
<tr><td>401</td><td>Schlüssel falsch, widerrufen oder abgelaufen. 14 Tage vor Ablauf erhalten Inhaber eine E-Mail.</td></tr>
<tr><td>403</td><td>Dem Schlüssel fehlt die nötige Berechtigung.</td></tr>
<tr><td>429</td><td>Mehr als 120 Anfragen pro Minute. Warten Sie die Sekunden aus dem Header <code>Retry-After</code> ab.</td></tr>
<tr><td>500</td><td>Fehler bei uns. Schicken Sie dem Support die <code>request_id</code> aus der Antwort.</td></tr>
</table>
<h3>Große Datenmengen</h3>
<p>Fragen Sie Umsätze tageweise ab und blättern Sie mit <code>limit</code> (höchstens 500) und <code>cursor</code>. Anfragen über ganze Monate bei großen Filialen können nach 30 Sekunden abbrechen.</p>`,
    },
    en: {
      title: 'REST API: creating access keys and fetching data',
      summary: 'Create API keys, choose permissions and understand common errors such as 401, 429 or 500.',
      body: `<p>The REST API connects the till to your web shop, inventory system or your own reports. It is available on the Business and Enterprise plans. The full reference is in the back office under <strong>Help → API documentation</strong>.</p>
<h2>Creating a key</h2>
<ol>
<li>Open <strong>Settings → Integrations → API keys → New key</strong>.</li>
<li>Give it a meaningful name, such as "Web shop plugin".</li>
<li>Select only the permissions the integration needs, for example <code>sales:read</code> and <code>stock:write</code>.</li>
<li>Set the validity: 12 months (default) or unlimited.</li>
<li>Copy the key straight away. It is shown only once.</li>
</ol>
<p>Every request sends the key in a header: <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<h2>Common errors</h2>
<table>
<tr><th>Status</th><th>Cause</th></tr>
<tr><td>401</td><td>Key wrong, revoked or expired. Owners get an email 14 days before a key expires.</td></tr>
<tr><td>403</td><td>The key lacks the required permission.</td></tr>
<tr><td>429</td><td>More than 120 requests per minute. Wait the number of seconds given in the <code>Retry-After</code> header.</td></tr>
<tr><td>500</td><td>An error on our side. Send support the <code>request_id</code> from the response.</td></tr>
</table>
<h3>Large amounts of data</h3>
<p>Fetch sales one day at a time and page through with <code>limit</code> (at most 500) and <code>cursor</code>. Requests spanning whole months for large locations can time out after 30 seconds.</p>`,
    },
  },
  {
    key: 'webhooks-setup',
    section: 'api-webhooks',
    tags: ['webhooks', 'api', 'integration', 'developer'],
    related: ['api-keys'],
    de: {
      title: 'Webhooks einrichten: bei jedem Verkauf benachrichtigt werden',
      summary: 'Ereignisse wie Verkäufe oder Bestandsänderungen sofort an Ihr System senden, mit Signatur und Wiederholungen.',
      body: `<p>Statt die API regelmäßig abzufragen, schickt Ihnen die Kasse mit Webhooks jedes Ereignis sofort per HTTPS-Aufruf. Webhooks gibt es in den Tarifen Business und Enterprise.</p>
<h2>Einrichten</h2>
<ol>
<li>Öffnen Sie <strong>Einstellungen → Schnittstellen → Webhooks → Neuer Webhook</strong>.</li>
<li>Tragen Sie die Ziel-URL ein. Sie muss mit <code>https://</code> beginnen.</li>
<li>Wählen Sie die Ereignisse, z. B. <code>sale.completed</code>, <code>sale.voided</code>, <code>stock.changed</code> oder <code>daily_closing.created</code>.</li>
<li>Speichern und mit <strong>Testereignis senden</strong> prüfen.</li>
</ol>
<h2>Was Ihr Server tun muss</h2>
<ul>
<li>Mit einem Status 2xx innerhalb von 10 Sekunden antworten. Längere Verarbeitung bitte im Hintergrund erledigen.</li>
<li>Die Signatur prüfen: Der Header <code>X-Signature</code> enthält einen HMAC-SHA256 des Inhalts mit dem Geheimnis des Webhooks.</li>
<li>Doppelte Zustellungen erkennen: Jedes Ereignis hat eine eindeutige <code>X-Event-Id</code>. Die Reihenfolge ist nicht garantiert.</li>
</ul>
<h2>Wenn die Zustellung scheitert</h2>
<p>Wir wiederholen einen fehlgeschlagenen Aufruf bis zu sechsmal innerhalb von 24 Stunden, mit wachsenden Abständen. Scheitern alle Zustellungen drei Tage lang, pausieren wir den Webhook und informieren die Inhaber per E-Mail. Im Zustellprotokoll unter <strong>Webhooks → Protokoll</strong> sehen Sie die Aufrufe der letzten 30 Tage mit Antwortcode und können einzelne erneut senden.</p>`,
    },
    en: {
      title: 'Setting up webhooks: get notified of every sale',
      summary: 'Send events such as sales or stock changes to your system instantly, with signatures and retries.',
      body: `<p>Instead of polling the API, webhooks let the till send you every event straight away as an HTTPS call. Webhooks are part of the Business and Enterprise plans.</p>
<h2>Setting up</h2>
<ol>
<li>Open <strong>Settings → Integrations → Webhooks → New webhook</strong>.</li>
<li>Enter the target URL. It must start with <code>https://</code>.</li>
<li>Choose the events, such as <code>sale.completed</code>, <code>sale.voided</code>, <code>stock.changed</code> or <code>daily_closing.created</code>.</li>
<li>Save, then check it with <strong>Send test event</strong>.</li>
</ol>
<h2>What your server must do</h2>
<ul>
<li>Answer with a 2xx status within 10 seconds. Do longer processing in the background.</li>
<li>Verify the signature: the <code>X-Signature</code> header holds an HMAC-SHA256 of the body, keyed with the webhook's secret.</li>
<li>Detect duplicate deliveries: every event has a unique <code>X-Event-Id</code>. Order is not guaranteed.</li>
</ul>
<h2>When delivery fails</h2>
<p>We retry a failed call up to six times within 24 hours, with growing intervals. If every delivery fails for three days, we pause the webhook and email the owners. The delivery log under <strong>Webhooks → Log</strong> shows the calls of the last 30 days with their response codes and lets you resend individual ones.</p>`,
    },
  },
];
