import type { Topic } from './topic.ts';

/** Faults, integrations and wishes: what 1st Level often hands on to Technical. */
export const TECHNICAL_TOPICS: readonly Topic[] = [
  {
    key: 'printer',
    weight: 6,
    team: 'first',
    escalates: 0.6,
    type: 'incident',
    priority: { normal: 3, high: 4, urgent: 2 },
    tags: ['bug', 'printer'],
    extraTags: ['regression', 'hardware'],
    de: {
      cases: [
        {
          subjects: ['Bondrucker druckt keine Belege mehr', 'Nach Update auf {version} kein Belegdruck'],
          opening: 'seit dem Update auf Version {version} druckt unser Bondrucker BP-80 keine Belege mehr. Die Kasse zeigt den Beleg als gedruckt an, es kommt aber nichts heraus. Ein Neustart hat nicht geholfen.',
          ask: 'können Sie uns bitte die Seriennummer des Druckers und den genauen Wortlaut der Meldung im Druckerprotokoll schicken?',
          detail: 'Seriennummer SN-{serial}, im Protokoll steht „Drucker nicht bereit“. Der Fehler tritt nur an Kasse 2 auf, Kasse 1 druckt normal.',
          solution: 'unsere Technik hat die Ursache gefunden: Beim Update wurde der Druckertreiber nicht korrekt übernommen. Version {fixVersion} behebt das, die Kasse aktualisiert sich heute Nacht automatisch.',
        },
        {
          subjects: ['Umlaute auf dem Kassenbon falsch', 'Bon druckt Fragezeichen statt ä, ö, ü'],
          opening: 'auf unseren Kassenbons werden seit gestern alle Umlaute als Fragezeichen gedruckt, aus „Brötchen“ wird „Br?tchen“. Das sieht für die Kundschaft nicht gut aus.',
          ask: 'welche Firmware zeigt der Drucker auf der Testseite an? Die Testseite druckt er, wenn Sie beim Einschalten die Vorschubtaste gedrückt halten.',
          detail: 'Auf der Testseite steht Firmware 2.1, Zeichensatz „PC437“.',
          solution: 'der Drucker hatte nach einem Stromausfall den falschen Zeichensatz geladen. Wir haben ihn aus der Ferne auf „PC858“ umgestellt; die Umlaute werden jetzt wieder richtig gedruckt.',
        },
      ],
      notes: ['Reproduzierbar mit Testkasse und Version {version}. Eintrag im Entwicklungs-Board angelegt.', 'Betrifft laut Monitoring ca. 30 Kassen mit demselben Druckermodell.'],
      holds: ['vielen Dank für die Details. Unsere Entwicklung arbeitet an einer Korrektur; wir melden uns, sobald das Update bereitsteht.'],
    },
    en: {
      cases: [
        {
          subjects: ['Receipt printer stopped printing', 'No receipts since updating to {version}'],
          opening: 'since the update to version {version} our BP-80 receipt printer no longer prints receipts. The till shows the receipt as printed, but nothing comes out. Restarting did not help.',
          ask: "could you please send us the printer's serial number and the exact wording of the message in the printer log?",
          detail: 'Serial number SN-{serial}, the log says "printer not ready". It only happens on till 2, till 1 prints normally.',
          solution: 'our technical team found the cause: the update did not carry over the printer driver correctly. Version {fixVersion} fixes this and your till will update automatically tonight.',
        },
        {
          subjects: ['Strange characters on receipts', 'Receipts print question marks instead of £ and é'],
          opening: 'since yesterday our receipts print question marks instead of the pound sign and accented letters, so "Crème brûlée" comes out as "Cr?me br?l?e".',
          ask: 'which firmware does the printer show on its self-test page? It prints one if you hold the feed button while switching it on.',
          detail: 'The test page says firmware 2.1, code page "PC437".',
          solution: 'after a power cut the printer had loaded the wrong code page. We switched it to "PC858" remotely, and special characters print correctly again.',
        },
      ],
      notes: ['Reproducible on a test till with version {version}. Created an item on the development board.', 'Monitoring shows about 30 tills with the same printer model affected.'],
      holds: ['thanks for the details. Our developers are working on a fix; we will get back to you as soon as the update is available.'],
    },
  },
  {
    key: 'crash',
    weight: 5,
    team: 'first',
    escalates: 0.5,
    type: 'incident',
    priority: { normal: 3, high: 4, urgent: 2 },
    tags: ['bug'],
    extraTags: ['mobile-app', 'regression'],
    de: {
      cases: [
        {
          subjects: ['App stürzt beim Tagesabschluss ab', 'Z-Bon lässt sich nicht erstellen'],
          opening: 'beim Tagesabschluss stürzt die App jedes Mal ab, sobald ich auf „Z-Bon erstellen“ tippe. Wir können seit zwei Tagen keinen Abschluss machen, das ist für die Buchhaltung ein Problem.',
          ask: 'tritt der Fehler auf allen Kassen auf oder nur auf einer? Und wann genau ist er zum ersten Mal aufgetreten?',
          detail: 'Auf allen drei Kassen, zum ersten Mal am Montag direkt nach dem Update.',
          solution: 'wir haben die fehlerhaften Daten des letzten Abschlusses in Ihrem Konto bereinigt. Der Tagesabschluss läuft jetzt wieder durch; die fehlenden Z-Bons wurden nachträglich erstellt.',
        },
        {
          subjects: ['Kassen-App schließt sich beim Einlösen von Gutscheinen', 'Absturz beim Scannen eines Gutscheins'],
          opening: 'sobald wir einen Gutschein scannen, schließt sich die Kassen-App ohne Meldung. Andere Artikel lassen sich ganz normal scannen.',
          ask: 'welche App-Version ist installiert (unter Einstellungen → Info), und betrifft es alle Gutscheine oder nur bestimmte?',
          detail: 'Version {version}. Es betrifft nur die Gutscheine aus der Weihnachtsaktion, die neuen gehen.',
          solution: 'die Gutscheine aus der Aktion hatten ein Ablaufdatum im alten Format, an dem die App gescheitert ist. Mit Version {fixVersion} ist das behoben; bis zum Update können Sie die Gutscheinnummer von Hand eingeben.',
        },
      ],
      notes: ['Absturzbericht im Monitoring gefunden, Stacktrace an die Entwicklung weitergegeben.', 'Kunde hat den Abschluss zweimal versucht, keine doppelten Buchungen entstanden.'],
    },
    en: {
      cases: [
        {
          subjects: ['App crashes during end-of-day report', 'Cannot create Z report'],
          opening: "the app crashes every time I tap \"create Z report\" at the end of the day. We haven't been able to close the day for two days, which is a problem for our accountant.",
          ask: 'does this happen on all tills or only on one? And when exactly did it first occur?',
          detail: 'On all three tills, first on Monday right after the update.',
          solution: 'we have cleaned up the faulty data from your last end-of-day run. The report works again, and the missing Z reports have been created retrospectively.',
        },
        {
          subjects: ['Till app closes when redeeming vouchers', 'Crash when scanning a gift voucher'],
          opening: 'as soon as we scan a gift voucher, the till app closes without any message. Other items scan just fine.',
          ask: 'which app version is installed (Settings → About), and does this affect all vouchers or only some?',
          detail: 'Version {version}. Only the vouchers from our Christmas campaign, the new ones work.',
          solution: 'the campaign vouchers carried an expiry date in an old format that the app could not read. Version {fixVersion} fixes this; until the update you can type the voucher number in by hand.',
        },
      ],
      notes: ['Found the crash report in monitoring and passed the stack trace to development.', 'Customer tried the report twice, no duplicate bookings were created.'],
    },
  },
  {
    key: 'export',
    weight: 3,
    team: 'tech',
    type: 'problem',
    priority: { normal: 5, high: 3 },
    tags: ['export'],
    extraTags: ['datev', 'accounting'],
    de: {
      cases: [
        {
          subjects: ['DATEV-Export bricht ab', 'Export für den Steuerberater schlägt fehl'],
          opening: 'der monatliche DATEV-Export bricht bei 80 % mit „Export fehlgeschlagen“ ab. Unser Steuerbüro wartet auf die Daten für den Vormonat.',
          ask: 'klappt der Export, wenn Sie nur eine Woche statt des ganzen Monats auswählen?',
          detail: 'Mit einer Woche klappt es, mit dem ganzen Monat nicht.',
          solution: 'ein einzelner Beleg mit einem ungültigen Steuersatz hat den Export abbrechen lassen. Wir haben den Beleg korrigiert, der Export für den ganzen Monat läuft jetzt durch.',
        },
        {
          subjects: ['Artikel-Export zeigt falsche Zeichen', 'CSV-Export: Umlaute kaputt'],
          opening: 'wenn ich unsere Artikelliste als CSV exportiere und öffne, sind alle Umlaute kaputt, z. B. „KÃ¤sekuchen“ statt „Käsekuchen“.',
          ask: 'mit welchem Programm öffnen Sie die Datei? Dann können wir Ihnen die passende Einstellung nennen.',
          detail: 'Mit Excel, per Doppelklick.',
          solution: 'im Backoffice gibt es unter Export die Option „Excel-kompatibel (mit BOM)“. Damit öffnet Excel die Datei per Doppelklick mit den richtigen Umlauten.',
        },
      ],
      notes: ['Beleg mit Steuersatz 0 % und Steuerschlüssel 9 – daran scheitert der Export.', 'Bekanntes Verhalten von Excel, Hilfeartikel zum Export verlinken.'],
    },
    en: {
      cases: [
        {
          subjects: ['Accounting export fails', "Export for our accountant doesn't finish"],
          opening: 'the monthly accounting export stops at 80 % with "export failed". Our accountant is waiting for last month\'s data.',
          ask: 'does the export work if you select one week instead of the whole month?',
          detail: 'One week works, the whole month does not.',
          solution: 'a single receipt with an invalid tax rate made the export stop. We have corrected it and the export for the whole month now completes.',
        },
        {
          subjects: ['Product export shows garbled characters', 'CSV export: broken characters'],
          opening: 'when I export our product list as CSV and open it, special characters are garbled, e.g. "CafÃ© latte" instead of "Café latte".',
          ask: 'which program do you open the file with? Then we can tell you the right setting.',
          detail: 'With Excel, by double-clicking it.',
          solution: 'under Export in the back office there is an "Excel compatible (with BOM)" option. With it, Excel opens the file with the right characters on a double-click.',
        },
      ],
      notes: ['Receipt with 0 % tax and tax key 9 breaks the export.', 'Known Excel behaviour, link the help article on exports.'],
    },
  },
  {
    key: 'api',
    weight: 3,
    team: 'tech',
    type: 'problem',
    priority: { normal: 5, high: 3 },
    tags: ['api'],
    extraTags: ['webshop'],
    de: {
      cases: [
        {
          subjects: ['API liefert Fehler 500 beim Abruf der Umsätze', 'Nächtlicher Umsatzabruf schlägt fehl'],
          opening: 'unsere Schnittstelle ruft jede Nacht die Umsätze über die API ab. Seit Dienstag bekommen wir für den Endpunkt der Tagesumsätze nur noch Fehler 500 zurück.',
          ask: 'können Sie uns die Uhrzeit eines fehlgeschlagenen Aufrufs und die Request-ID aus der Antwort schicken? Dann finden wir ihn in unseren Logs.',
          detail: 'Letzter Fehler heute um 02:13 Uhr, Request-ID req-{serial}.',
          solution: 'die Fehler kamen von einer Zeitüberschreitung bei sehr großen Abfragen. Wir haben die Abfrage optimiert; Ihre nächtlichen Abrufe laufen wieder fehlerfrei.',
        },
        {
          subjects: ['Webshop-Anbindung synchronisiert keine Bestände', 'Lagerbestand im Webshop veraltet'],
          opening: 'seit einigen Tagen werden die Lagerbestände nicht mehr an unseren Webshop übertragen. Wir haben schon zweimal Artikel verkauft, die gar nicht mehr da waren.',
          ask: 'wann war laut Protokoll im Webshop-Plugin der letzte erfolgreiche Abgleich?',
          detail: 'Der letzte erfolgreiche Abgleich war am Freitag um 23:00 Uhr.',
          solution: 'der API-Schlüssel des Plugins war am Freitag abgelaufen. Wir haben einen neuen Schlüssel im Backoffice hinterlegt; die Bestände werden wieder alle 15 Minuten abgeglichen.',
        },
      ],
      notes: ['In den Logs gefunden: Timeout nach 30 s bei Filialen mit mehr als 50.000 Belegen.', 'API-Schlüssel war mit Ablaufdatum angelegt, Kunde wusste davon nichts.'],
    },
    en: {
      cases: [
        {
          subjects: ['API returns error 500 for sales data', 'Nightly sales import failing'],
          opening: 'our integration fetches sales through the API every night. Since Tuesday the daily sales endpoint only returns error 500.',
          ask: 'could you send us the time of a failed call and the request ID from the response? That lets us find it in our logs.',
          detail: 'Last failure today at 02:13, request ID req-{serial}.',
          solution: 'the errors came from a timeout on very large queries. We have optimised the query, so your nightly calls run without errors again.',
        },
        {
          subjects: ['Web shop integration not syncing stock', 'Stock levels in web shop out of date'],
          opening: 'for a few days now our stock levels have not been sent to our web shop. We have already sold items twice that were out of stock.',
          ask: 'according to the web shop plugin log, when was the last successful sync?',
          detail: 'The last successful sync was on Friday at 11 pm.',
          solution: "the plugin's API key expired on Friday. We have set a new key in the back office, and stock is synced every 15 minutes again.",
        },
      ],
      notes: ['Found in the logs: timeout after 30 s for shops with more than 50,000 receipts.', 'API key had been created with an expiry date the customer did not know about.'],
    },
  },
  {
    key: 'feature',
    weight: 6,
    team: 'tech',
    type: 'task',
    priority: { low: 6, normal: 3 },
    tags: ['feature-request'],
    de: {
      cases: [
        {
          subjects: ['Wunsch: Tischplan für die Gastronomie', 'Gibt es einen Tischplan?'],
          opening: 'wir sind sehr zufrieden mit der Kasse, vermissen aber einen Tischplan, in dem man offene Rechnungen pro Tisch sieht. Ist so etwas geplant?',
          ask: 'wie viele Tische bzw. Bereiche haben Sie ungefähr? Das hilft uns bei der Einordnung für die Produktplanung.',
          detail: 'Etwa 25 Tische in zwei Räumen, im Sommer kommt die Terrasse dazu.',
          solution: 'vielen Dank für den Vorschlag! Der Tischplan steht bereits auf unserer Roadmap; wir haben Ihre Angaben dazugelegt und informieren Sie, sobald es eine Testversion gibt.',
        },
        {
          subjects: ['Feature-Wunsch: Trinkgeld separat ausweisen', 'Trinkgeld im Tagesabschluss'],
          opening: 'es wäre toll, wenn das Trinkgeld im Tagesabschluss getrennt ausgewiesen würde. Im Moment rechnen wir das jeden Abend von Hand heraus.',
          ask: 'soll das Trinkgeld gesamt oder pro Mitarbeiterin und Mitarbeiter ausgewiesen werden?',
          detail: 'Pro Person wäre ideal, dann können wir es direkt verteilen.',
          solution: 'gute Nachricht: Trinkgeld pro Person ist mit Version {version} erschienen. Sie finden die Einstellung im Backoffice unter „Tagesabschluss“.',
        },
      ],
      notes: ['Wunsch ins Produkt-Board übernommen, schon der 12. Kunde mit dieser Anfrage.'],
    },
    en: {
      cases: [
        {
          subjects: ['Request: table plan for restaurants', 'Is there a table plan?'],
          opening: 'we are very happy with the till, but we miss a table plan that shows the open bills per table. Is anything like that planned?',
          ask: 'roughly how many tables or areas do you have? That helps us with product planning.',
          detail: 'About 25 tables in two rooms, plus the terrace in summer.',
          solution: "thank you for the suggestion! The table plan is already on our roadmap; we've added your details and will let you know as soon as there is a beta.",
        },
        {
          subjects: ['Feature request: show tips separately', 'Tips in the end-of-day report'],
          opening: 'it would be great if tips were shown separately in the end-of-day report. At the moment we work them out by hand every evening.',
          ask: 'should tips be shown as one total or per member of staff?',
          detail: 'Per person would be ideal, then we can share them out directly.',
          solution: 'good news: tips per person shipped with version {version}. You will find the setting in the back office under "End of day".',
        },
      ],
      notes: ['Added to the product board, the 12th customer asking for this.'],
    },
  },
];
