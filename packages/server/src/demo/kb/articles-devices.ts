import type { DemoArticle } from './types.ts';

/** Till computer, scanner, customer display, and getting devices delivered or replaced. */
export const DEVICE_ARTICLES: DemoArticle[] = [
  {
    key: 'sc2-scanner-setup',
    section: 'devices-delivery',
    tags: ['scanner', 'barcodescanner-sc-2', 'bluetooth'],
    related: ['products-and-categories', 'ct4-bluetooth-pairing'],
    de: {
      title: 'Barcodescanner SC-2 verbinden und einstellen',
      summary: 'Den SC-2 per USB oder Bluetooth anschließen und beheben, dass er piept, aber falsche oder keine Zeichen liefert.',
      body: `<p>Der SC-2 arbeitet wie eine Tastatur: Er „tippt“ den gelesenen Code in die Kasse. Deshalb braucht er keinen Treiber, aber das richtige Tastaturlayout.</p>
<h2>Per USB</h2>
<p>Stecken Sie das Kabel in einen freien USB-Anschluss des Kassenrechners T11. Nach einem kurzen Doppelton ist der Scanner bereit.</p>
<h2>Per Bluetooth</h2>
<ol>
<li>Öffnen Sie an der Kasse <strong>Einstellungen → Geräte → Scanner → Neues Gerät</strong>. Die Kasse zeigt einen Kopplungs-Barcode.</li>
<li>Scannen Sie diesen Barcode direkt vom Bildschirm. Der Scanner piept dreimal und ist gekoppelt.</li>
<li>Nach 30 Minuten ohne Nutzung schläft der SC-2 ein. Ein Druck auf den Auslöser weckt ihn, die Verbindung steht nach etwa zwei Sekunden wieder.</li>
</ol>
<h2>Falsche Zeichen, z. B. „ß“ statt „-“ oder vertauschtes Y und Z</h2>
<p>Der Scanner ist auf ein amerikanisches Tastaturlayout eingestellt. Öffnen Sie <strong>Einstellungen → Geräte → Scanner → Konfigurations-Barcodes</strong> und scannen Sie „Tastatur Deutsch (QWERTZ)“. Die Einstellung bleibt im Scanner gespeichert.</p>
<h2>Piept, aber nichts passiert</h2>
<ul>
<li>Meldet die Kasse „Artikel nicht gefunden“, ist die EAN noch keinem Artikel zugeordnet. Tragen Sie sie im Backoffice beim Artikel nach.</li>
<li>Erscheint gar nichts, ist ein anderes Eingabefeld aktiv. Tippen Sie einmal in den Warenkorb und scannen Sie erneut.</li>
</ul>
<p>QR-Codes von Handy-Bildschirmen, etwa digitale Gutscheine, liest der SC-2 am besten, wenn die Bildschirmhelligkeit hoch ist.</p>`,
    },
    en: {
      title: 'Connecting and configuring the SC-2 barcode scanner',
      summary: 'Connect the SC-2 via USB or Bluetooth, and fix it beeping but sending wrong characters or nothing at all.',
      body: `<p>The SC-2 behaves like a keyboard: it "types" the code it reads into the till. So it needs no driver, but it does need the right keyboard layout.</p>
<h2>Via USB</h2>
<p>Plug the cable into a free USB port on the T11 till computer. After a short double beep the scanner is ready.</p>
<h2>Via Bluetooth</h2>
<ol>
<li>On the till, open <strong>Settings → Devices → Scanner → New device</strong>. The till shows a pairing barcode.</li>
<li>Scan that barcode straight off the screen. The scanner beeps three times and is paired.</li>
<li>After 30 minutes without use the SC-2 goes to sleep. Pressing the trigger wakes it, and the connection is back after about two seconds.</li>
</ol>
<h2>Wrong characters, such as "ß" instead of "-" or Y and Z swapped</h2>
<p>The scanner's keyboard layout doesn't match the till. Open <strong>Settings → Devices → Scanner → Configuration barcodes</strong> and scan the layout that matches your till, normally "German keyboard (QWERTZ)". The setting stays stored in the scanner.</p>
<h2>Beeps, but nothing happens</h2>
<ul>
<li>If the till says "Product not found", the EAN isn't assigned to any product yet. Add it to the product in the back office.</li>
<li>If nothing appears at all, another input field has focus. Tap the basket once and scan again.</li>
</ul>
<p>The SC-2 reads QR codes from phone screens, such as digital vouchers, best when the screen brightness is turned up.</p>`,
    },
  },
  {
    key: 'km10-customer-display',
    section: 'devices-delivery',
    tags: ['customer-display', 'kundenmonitor-km-10'],
    related: ['first-till-setup', 'receipt-obligation'],
    de: {
      title: 'Kundenmonitor KM-10 anschließen und gestalten',
      summary: 'Den zweiten Bildschirm für die Kundschaft einrichten, eigene Bilder zeigen und einen schwarzen Bildschirm beheben.',
      body: `<p>Der Kundenmonitor KM-10 zeigt Ihrer Kundschaft während des Kassierens den Warenkorb und die Summe, danach einen QR-Code für den digitalen Beleg. In Pausen laufen Ihre eigenen Bilder, etwa das Tagesangebot.</p>
<h2>Anschließen</h2>
<ol>
<li>Verbinden Sie den KM-10 mit dem USB-C-Kabel mit dem Anschluss des Kassenrechners T11, der mit einem Bildschirmsymbol markiert ist. Über dieses eine Kabel laufen Strom und Bild.</li>
<li>Öffnen Sie <strong>Einstellungen → Geräte → Kundenmonitor</strong> und schalten Sie ihn ein.</li>
<li>Wählen Sie als Modus <strong>Kundenansicht</strong>.</li>
</ol>
<h2>Eigene Bilder</h2>
<p>Im Backoffice laden Sie unter <strong>Einstellungen → Kundenmonitor → Bilder</strong> bis zu zehn Bilder hoch (JPG oder PNG, ideal 1280 × 800 Pixel). Sie wechseln alle acht Sekunden und erscheinen nach spätestens einer Minute an allen Monitoren.</p>
<h2>Bildschirm bleibt schwarz</h2>
<ul>
<li>Steckt das Kabel im richtigen Anschluss? An den anderen USB-Buchsen bekommt der Monitor Strom, aber kein Bild.</li>
<li>Zeigt der KM-10 dasselbe wie die Kasse, steht der Modus auf „Spiegeln“. Stellen Sie auf „Kundenansicht“ um.</li>
<li>Nach dem Umstecken hilft oft ein Neustart der Kassen-App.</li>
</ul>
<h3>Schräg aufgestellt?</h3>
<p>Unter <strong>Einstellungen → Geräte → Kundenmonitor → Drehung</strong> lässt sich die Anzeige um 90° oder 180° drehen, etwa bei Montage an einem Schwenkarm.</p>`,
    },
    en: {
      title: 'Connecting and customising the KM-10 customer display',
      summary: 'Set up the second screen for your customers, show your own images and fix a black screen.',
      body: `<p>The KM-10 customer display shows your customers the basket and total while you ring them up, and afterwards a QR code for the digital receipt. Between sales it shows your own images, such as today's special.</p>
<h2>Connecting</h2>
<ol>
<li>Connect the KM-10 with its USB-C cable to the port on the T11 till computer marked with a screen icon. Power and picture both run through this one cable.</li>
<li>Open <strong>Settings → Devices → Customer display</strong> and switch it on.</li>
<li>Choose <strong>Customer view</strong> as the mode.</li>
</ol>
<h2>Your own images</h2>
<p>In the back office, upload up to ten images under <strong>Settings → Customer display → Images</strong> (JPG or PNG, ideally 1280 × 800 pixels). They change every eight seconds and reach all displays within a minute.</p>
<h2>The screen stays black</h2>
<ul>
<li>Is the cable in the right port? The other USB ports give the display power but no picture.</li>
<li>If the KM-10 shows exactly what the till shows, the mode is set to "Mirror". Switch to "Customer view".</li>
<li>After re-plugging, restarting the till app often helps.</li>
</ul>
<h3>Mounted at an angle?</h3>
<p>Under <strong>Settings → Devices → Customer display → Rotation</strong> you can rotate the picture by 90° or 180°, for example when it sits on a swivel arm.</p>`,
    },
  },
  {
    key: 't11-wont-start',
    section: 'devices-delivery',
    tags: ['kassenrechner-t11', 'hardware', 'troubleshooting', 'warranty'],
    related: ['damaged-device-return', 'offline-mode', 'support-hours-contact'],
    de: {
      title: 'Kassenrechner T11 startet nicht',
      summary: 'Keine Reaktion, rot blinkende LED oder Neustart-Schleife: was Sie selbst prüfen können und wann ein Austausch nötig ist.',
      body: `<p>Achten Sie zuerst auf die LED neben dem Einschaltknopf. Sie verrät, wo das Problem liegt.</p>
<h2>Keine LED, keine Reaktion</h2>
<ol>
<li>Prüfen Sie, ob das Netzteil fest im Gerät steckt und die kleine Lampe am Netzteil leuchtet.</li>
<li>Stecken Sie das Netzteil direkt in die Wandsteckdose statt in eine Mehrfachleiste.</li>
<li>Halten Sie den Einschaltknopf zehn Sekunden gedrückt, lassen Sie los und drücken Sie ihn dann noch einmal kurz.</li>
</ol>
<h2>LED blinkt rot</h2>
<p>Das Gerät hat beim Selbsttest einen Hardwarefehler erkannt. Trennen Sie es eine Minute vom Strom und versuchen Sie es mit einem anderen T11-Netzteil, falls vorhanden. Blinkt die LED weiter rot, ist ein Austausch nötig. Melden Sie sich mit der Seriennummer beim Support. Innerhalb der Gewährleistung von 24 Monaten ist der Austausch kostenlos; im Tarif Business schicken wir das Ersatzgerät vorab, sodass es am nächsten Werktag da ist.</p>
<h2>Hängt beim Logo oder startet immer neu</h2>
<p>Halten Sie beim Einschalten die Funktionstaste auf der Rückseite gedrückt, bis das Wartungsmenü erscheint, und wählen Sie <strong>Kassen-App neu installieren</strong>. Artikel, Einstellungen und gebuchte Belege liegen in der Cloud und kommen danach automatisch zurück.</p>
<p><strong>Achtung:</strong> War die Kasse vor dem Ausfall im Offline-Modus, rufen Sie bitte zuerst den Support an. Eine Neuinstallation würde Belege löschen, die noch nicht übertragen wurden.</p>
<h3>Weiter kassieren</h3>
<p>Bis das Gerät wieder läuft, können Sie mit der Kassen-App auf einem zweiten T11 weiterarbeiten. Notieren Sie die Ausfallzeit, sie gehört in Ihre Kassendokumentation.</p>`,
    },
    en: {
      title: "T11 till computer won't start",
      summary: 'No response, a flashing red light or a restart loop: what you can check yourself, and when a replacement is needed.',
      body: `<p>Look at the light next to the power button first. It tells you where the problem is.</p>
<h2>No light, no response</h2>
<ol>
<li>Check that the power supply is firmly plugged into the device and that the small light on the power brick is on.</li>
<li>Plug the power supply straight into the wall socket rather than a power strip.</li>
<li>Hold the power button for ten seconds, release it, then press it briefly once more.</li>
</ol>
<h2>Light flashes red</h2>
<p>The device found a hardware fault during its self-test. Unplug it for a minute and try another T11 power supply if you have one. If the light still flashes red, the device needs replacing. Contact support with the serial number. Within the 24-month warranty the replacement is free, and on the Business plan we send it in advance so it arrives the next business day.</p>
<h2>Stuck on the logo or restarting over and over</h2>
<p>Hold the function button on the back while switching on until the maintenance menu appears, then choose <strong>Reinstall till app</strong>. Products, settings and booked receipts are stored in the cloud and come back automatically.</p>
<p><strong>Caution:</strong> if the till was in offline mode before it failed, call support first. A reinstall would delete receipts that have not been uploaded yet.</p>
<h3>Keep selling</h3>
<p>Until the device works again, you can continue with the till app on a second T11. Note the time of the outage; it belongs in your till documentation.</p>`,
    },
  },
  {
    key: 'delivery-tracking',
    section: 'devices-delivery',
    tags: ['delivery', 'shipping', 'tracking'],
    related: ['damaged-device-return', 'first-till-setup'],
    de: {
      title: 'Lieferzeiten und Sendungsverfolgung für Hardware',
      summary: 'Wann Ihre Bestellung ankommt, wo Sie den Versandstatus sehen und was tun, wenn sich nichts bewegt.',
      body: `<p>Hardware, die bis 14 Uhr bestellt wird, verlässt unser Lager am selben Werktag. Innerhalb Deutschlands dauert die Lieferung danach 2–3 Werktage, nach Österreich 3–5 Werktage.</p>
<h2>Express</h2>
<p>Für 14,90 € liefern wir am nächsten Werktag bis 12 Uhr, wenn Sie bis 14 Uhr bestellen. Express ist nur innerhalb Deutschlands und nicht an Samstagen möglich.</p>
<h2>Versandstatus prüfen</h2>
<ul>
<li>Sobald das Paket unterwegs ist, erhalten Sie eine E-Mail mit der Sendungsnummer.</li>
<li>Im Backoffice unter <strong>Bestellungen</strong> sehen Sie den Status jeder Bestellung und den Link zur Sendungsverfolgung.</li>
<li>Große Bestellungen kommen manchmal in mehreren Paketen mit eigenen Sendungsnummern.</li>
</ul>
<h2>Die Sendungsverfolgung bewegt sich nicht</h2>
<ol>
<li>Steht dort seit mehr als zwei Werktagen derselbe Eintrag, prüfen Sie die Lieferadresse in der Bestellung. Fehlt etwa eine Hausnummer, hält der Versanddienstleister das Paket zurück.</li>
<li>Fragen Sie bei Nachbarn nach und schauen Sie nach einer Benachrichtigungskarte.</li>
<li>Schreiben Sie uns mit der Bestellnummer. Wir stellen einen Nachforschungsauftrag; ist das Paket verloren, schicken wir sofort Ersatz.</li>
</ol>
<h3>Eröffnung steht bevor?</h3>
<p>Sagen Sie es uns dazu. Wenn ein Eröffnungstermin wackelt, versenden wir Ersatz auch vor Abschluss der Nachforschung per Express. Packstationen sind als Lieferadresse möglich, außer bei Bestellungen mit Kassenrechner, die wegen ihrer Größe nicht hineinpassen.</p>`,
    },
    en: {
      title: 'Delivery times and tracking for hardware',
      summary: 'When your order arrives, where to see its shipping status and what to do when nothing moves.',
      body: `<p>Hardware ordered by 2 pm leaves our warehouse the same business day. Delivery then takes 2–3 business days within Germany and 3–5 business days to Austria.</p>
<h2>Express</h2>
<p>For €14.90 we deliver by noon on the next business day if you order by 2 pm. Express is only available within Germany and not on Saturdays.</p>
<h2>Checking shipping status</h2>
<ul>
<li>As soon as the parcel is on its way you receive an email with the tracking number.</li>
<li>In the back office under <strong>Orders</strong> you see the status of every order and the tracking link.</li>
<li>Large orders sometimes arrive in several parcels, each with its own tracking number.</li>
</ul>
<h2>Tracking doesn't move</h2>
<ol>
<li>If the same entry has been showing for more than two business days, check the delivery address in the order. If, say, the house number is missing, the courier holds the parcel.</li>
<li>Ask your neighbours and look for a delivery card.</li>
<li>Write to us with the order number. We open a trace with the courier, and if the parcel is lost we send a replacement right away.</li>
</ol>
<h3>Opening soon?</h3>
<p>Tell us. If your opening date is at risk, we ship a replacement by express even before the trace is finished. Parcel lockers work as a delivery address, except for orders that include a till computer, which is too large to fit.</p>`,
    },
  },
  {
    key: 'damaged-device-return',
    section: 'devices-delivery',
    tags: ['rma', 'warranty', 'returns', 'hardware'],
    related: ['delivery-tracking', 't11-wont-start'],
    de: {
      title: 'Gerät beschädigt oder defekt: Reklamation und Austausch',
      summary: 'Transportschaden melden, Garantiefall einreichen und das defekte Gerät mit dem Rücksendeetikett zurückschicken.',
      body: `<h2>Transportschaden</h2>
<p>Ist der Karton eingedrückt oder das Gerät sichtbar beschädigt, melden Sie das bitte innerhalb von sieben Tagen nach Zustellung. Je früher, desto einfacher ist die Klärung mit dem Versanddienstleister.</p>
<ol>
<li>Fotografieren Sie das Gerät, den Karton von allen Seiten und das Versandetikett.</li>
<li>Legen Sie im Kundenportal unter <strong>Reklamationen → Neue Reklamation</strong> einen Fall an und laden Sie die Fotos hoch.</li>
<li>Werfen Sie die Verpackung nicht weg, bis der Fall abgeschlossen ist.</li>
</ol>
<p>Wir schicken das Austauschgerät meist noch am selben Tag los.</p>
<h2>Defekt nach einiger Zeit</h2>
<p>Für alle Geräte gilt eine Gewährleistung von 24 Monaten. Probieren Sie vorher die Schritte aus dem Fehlerartikel zum jeweiligen Gerät, denn viele vermeintliche Defekte sind Einstellungssachen. Lässt sich das Problem nicht lösen, vergeben wir eine Reklamationsnummer (RMA) und senden Ihnen ein Austauschgerät.</p>
<h2>Rücksendung</h2>
<ul>
<li>Verpacken Sie das defekte Gerät im Karton des Austauschgeräts und kleben Sie das beiliegende Rücksendeetikett auf.</li>
<li>Bitte innerhalb von 14 Tagen zurückschicken, sonst müssen wir das Austauschgerät berechnen.</li>
<li>Entfernen Sie vorher eigenes Zubehör; beim Kassenrechner T11 außerdem die TSE-Karte, die Sie in das neue Gerät stecken.</li>
</ul>
<h3>Rückgabe ohne Defekt</h3>
<p>Als Geschäftskunde haben Sie kein gesetzliches Widerrufsrecht. Unbenutzte Geräte in Originalverpackung nehmen wir trotzdem innerhalb von 30 Tagen zurück.</p>`,
    },
    en: {
      title: 'Damaged or faulty device: returns and replacements',
      summary: 'Report shipping damage, file a warranty claim and send the faulty device back with the return label.',
      body: `<h2>Damaged in transit</h2>
<p>If the box is crushed or the device is visibly damaged, please report it within seven days of delivery. The sooner you do, the easier it is to settle with the courier.</p>
<ol>
<li>Photograph the device, the box from all sides and the shipping label.</li>
<li>In the customer portal, open a case under <strong>Returns → New return</strong> and upload the photos.</li>
<li>Keep the packaging until the case is closed.</li>
</ol>
<p>We usually ship the replacement the same day.</p>
<h2>Faulty after a while</h2>
<p>All devices come with a 24-month warranty. First try the steps in the troubleshooting article for that device, since many apparent faults turn out to be settings. If the problem remains, we issue a return number (RMA) and send you a replacement.</p>
<h2>Sending it back</h2>
<ul>
<li>Pack the faulty device in the replacement's box and attach the return label that came with it.</li>
<li>Please send it back within 14 days; otherwise we have to charge for the replacement.</li>
<li>Remove your own accessories first, and for the T11 till computer also the TSE card, which goes into the new device.</li>
</ul>
<h3>Returning a device that works</h3>
<p>As a business customer you have no statutory right of withdrawal. Even so, we take back unused devices in their original packaging within 30 days.</p>`,
    },
  },
];
