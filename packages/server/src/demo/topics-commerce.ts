import type { Topic } from './topic.ts';

/** Requests about money, contracts and hardware shipments. */
export const COMMERCE_TOPICS: readonly Topic[] = [
  {
    key: 'invoice',
    weight: 12,
    team: 'billing',
    type: 'question',
    priority: { low: 3, normal: 6, high: 1 },
    tags: ['billing', 'invoice'],
    de: {
      cases: [
        {
          subjects: ['Frage zur Rechnung {invoice}', 'Rechnung {invoice}: zu viele Lizenzen berechnet'],
          opening: 'auf der Rechnung {invoice} werden uns {count} Lizenzen berechnet, wir nutzen aber nur zwei Kassen. Können Sie das bitte prüfen?',
          ask: 'können Sie uns bitte die Seriennummern der Kassen nennen, die Sie aktuell nutzen?',
          detail: 'Wir nutzen nur noch die Kassen mit SN-{serial} und der Nummer darunter. Die dritte Kasse ist seit März abgemeldet.',
          solution: 'Sie haben recht, die dritte Lizenz war nach der Abmeldung noch aktiv. Wir haben eine Gutschrift über {amount} erstellt, sie wird mit der nächsten Rechnung verrechnet.',
        },
        {
          subjects: ['Rechnung fehlt für letzten Monat', 'Keine Rechnung erhalten'],
          opening: 'für den letzten Monat haben wir keine Rechnung erhalten, weder per Post noch per E-Mail. Unsere Buchhaltung braucht sie bis Monatsende.',
          ask: 'an welche Adresse sollen wir die Rechnungen künftig schicken? Bei uns ist noch eine ältere Adresse hinterlegt.',
          detail: 'Bitte an unsere Buchhaltungsadresse, die steht im Backoffice unter „Kontakt“.',
          solution: 'wir haben die Rechnungsadresse geändert und Ihnen die Rechnung {invoice} soeben erneut geschickt. Alle Rechnungen finden Sie außerdem im Backoffice unter „Abrechnung“.',
        },
      ],
      notes: ['Lizenz für Kasse 3 war nicht gekündigt, Gutschrift in der Buchhaltung angelegt.', 'Rechnung ging an die alte Rechnungsadresse, Stammdaten korrigiert.'],
    },
    en: {
      cases: [
        {
          subjects: ['Question about invoice {invoice}', 'Invoice {invoice}: too many licences charged'],
          opening: 'invoice {invoice} charges us for {count} licences, but we only use two tills. Could you please check this?',
          ask: 'could you let us know the serial numbers of the tills you currently use?',
          detail: 'We only use the tills SN-{serial} and the one after it. The third till was deregistered in March.',
          solution: 'you are right, the third licence was still active after the deregistration. We have issued a credit note for {amount}, which will be offset against your next invoice.',
        },
        {
          subjects: ['Missing invoice for last month', 'No invoice received'],
          opening: "we haven't received an invoice for last month, neither by post nor by email. Our bookkeeper needs it by the end of the month.",
          ask: 'which address should we send invoices to from now on? We still have an older one on file.',
          detail: 'Please use our accounts address, it is in the back office under "Contact".',
          solution: 'we have changed the billing address and sent invoice {invoice} to you again just now. You will also find all invoices in the back office under "Billing".',
        },
      ],
      notes: ['Licence for till 3 was never cancelled, credit note created in accounting.', 'Invoice went to the old billing address, master data corrected.'],
    },
  },
  {
    key: 'payment',
    weight: 7,
    team: 'billing',
    type: 'problem',
    priority: { normal: 5, high: 3 },
    tags: ['billing', 'payment'],
    extraTags: ['refund'],
    de: {
      cases: [
        {
          subjects: ['Doppelte Abbuchung im Lastschriftverfahren', 'Monatsbeitrag zweimal abgebucht'],
          opening: 'uns wurde der Monatsbeitrag von {amount} diesen Monat zweimal abgebucht. Bitte erstatten Sie den doppelten Betrag.',
          ask: 'an welchen Tagen wurden die beiden Beträge abgebucht? Dann finden wir die Buchungen schneller.',
          detail: 'Beide am Ersten des Monats, mit demselben Verwendungszweck.',
          solution: 'die doppelte Abbuchung ist durch einen Fehler bei unserem Zahlungsdienstleister entstanden. Die {amount} werden Ihnen in den nächsten 3–5 Werktagen erstattet.',
        },
        {
          subjects: ['Lastschrift zurückgegangen – was nun?', 'Mahnung trotz gedecktem Konto'],
          opening: 'wir haben eine Mahnung erhalten, weil eine Lastschrift zurückgegangen ist. Unser Konto war gedeckt, wir haben allerdings inzwischen die Bank gewechselt.',
          ask: 'bitte tragen Sie die neue Bankverbindung über das Formular im Backoffice ein, damit wir das SEPA-Mandat aktualisieren können.',
          detail: 'Die neue Bankverbindung ist jetzt im Backoffice eingetragen.',
          solution: 'vielen Dank, das neue SEPA-Mandat ist aktiv. Die Mahngebühr haben wir storniert, der offene Betrag wird in den nächsten Tagen eingezogen.',
        },
      ],
      notes: ['Zahlungsdienstleister bestätigt doppelte Buchung, Erstattung angestoßen.', 'Mahngebühr storniert, Kulanz wegen langjähriger Kundschaft.'],
    },
    en: {
      cases: [
        {
          subjects: ['Charged twice this month', 'Monthly fee taken twice'],
          opening: 'we were charged the monthly fee of {amount} twice this month. Please refund the duplicate payment.',
          ask: 'on which days were the two payments taken? That helps us find them quickly.',
          detail: 'Both on the first of the month, with the same reference.',
          solution: 'the duplicate charge was caused by an error at our payment provider. The {amount} will be refunded within the next 3–5 business days.',
        },
        {
          subjects: ['Direct debit bounced – what now?', 'Reminder although our account had funds'],
          opening: 'we received a reminder because a direct debit bounced. Our account had enough funds, but we have since changed banks.',
          ask: 'please enter your new bank details through the form in the back office so we can update the direct debit mandate.',
          detail: 'The new bank details are entered in the back office now.',
          solution: 'thank you, the new direct debit mandate is active. We have waived the reminder fee, and the open amount will be collected in the next few days.',
        },
      ],
      notes: ['Payment provider confirms the duplicate charge, refund initiated.', 'Reminder fee waived as a goodwill gesture for a long-standing customer.'],
    },
  },
  {
    key: 'delivery',
    weight: 10,
    team: 'first',
    type: 'question',
    priority: { normal: 5, high: 3, urgent: 1 },
    tags: ['delivery'],
    extraTags: ['hardware'],
    de: {
      cases: [
        {
          subjects: ['Lieferung {order} verzögert sich', 'Wo bleibt meine Bestellung {order}?'],
          opening: 'wir haben am Montag einen {device} bestellt (Bestellung {order}), laut Bestätigung sollte er nach 2–3 Werktagen da sein. Bisher ist nichts angekommen, und wir eröffnen am Samstag.',
          ask: 'können Sie uns bitte die vollständige Lieferadresse bestätigen? In der Bestellung fehlt die Hausnummer.',
          detail: 'Die Hausnummer ist 14a, Hintereingang über den Hof. Bitte vor 10 Uhr liefern.',
          solution: 'der Versanddienstleister hatte die Sendung wegen der unvollständigen Adresse zurückgehalten. Sie ist jetzt unterwegs und kommt morgen an; die Sendungsnummer haben Sie per E-Mail erhalten.',
        },
        {
          subjects: ['Sendungsverfolgung zeigt seit Tagen nichts an', 'Paket zu Bestellung {order} hängt fest'],
          opening: 'die Sendungsverfolgung für die Bestellung {order} zeigt seit fünf Tagen „Sendung wurde an den Zusteller übergeben“. Können Sie nachhaken?',
          ask: 'haben Sie vielleicht eine Benachrichtigungskarte im Briefkasten gefunden, oder hat ein Nachbar das Paket angenommen?',
          detail: 'Nein, keine Karte, und die Nachbarn haben auch nichts angenommen.',
          solution: 'das Paket ist beim Transport verloren gegangen. Wir haben Ihnen heute per Express einen neuen {device} geschickt, er kommt morgen vor 12 Uhr.',
        },
      ],
      notes: ['Beim Versanddienstleister Nachforschungsauftrag gestellt.', 'Kunde eröffnet Samstag – Expressversand auf unsere Kosten freigegeben.'],
      holds: ['wir haben einen Nachforschungsauftrag beim Versanddienstleister gestellt und warten auf dessen Rückmeldung. Wir melden uns, sobald wir etwas hören.'],
    },
    en: {
      cases: [
        {
          subjects: ['Delivery {order} delayed', 'Where is my order {order}?'],
          opening: 'we ordered a {device} on Monday (order {order}) and the confirmation said 2–3 business days. Nothing has arrived yet and we open on Saturday.',
          ask: 'could you please confirm the full delivery address? The house number is missing in the order.',
          detail: "It's number 14a, rear entrance through the courtyard. Please deliver before 10 am.",
          solution: 'the courier held the parcel because of the incomplete address. It is on its way now and will arrive tomorrow; you have received the tracking number by email.',
        },
        {
          subjects: ['Tracking has shown no update for days', 'Parcel for order {order} stuck'],
          opening: 'tracking for order {order} has said "handed over to courier" for five days. Could you chase this up?',
          ask: 'did you perhaps find a delivery card in your letterbox, or did a neighbour take the parcel in?',
          detail: 'No card, and none of our neighbours took anything in.',
          solution: 'the parcel was lost in transit. We have sent you a new {device} by express today, it will arrive tomorrow before noon.',
        },
      ],
      notes: ['Opened a trace request with the courier.', 'Customer opens on Saturday – approved express shipping at our cost.'],
      holds: ['we have opened a trace request with the courier and are waiting for their answer. We will be in touch as soon as we hear back.'],
    },
  },
  {
    key: 'damaged',
    weight: 4,
    team: 'first',
    type: 'problem',
    priority: { normal: 4, high: 3 },
    tags: ['delivery', 'hardware'],
    extraTags: ['rma'],
    de: {
      cases: [
        {
          subjects: ['{device} beschädigt angekommen', 'Transportschaden bei Bestellung {order}'],
          opening: 'heute ist der {device} aus Bestellung {order} angekommen, das Gehäuse ist gesprungen und das Gerät lässt sich nicht einschalten.',
          ask: 'bitte laden Sie ein Foto des Schadens und der Verpackung im Kundenportal hoch, dann können wir die Reklamation beim Versanddienstleister einreichen.',
          detail: 'Fotos von Gerät und Karton habe ich gerade im Kundenportal hochgeladen.',
          solution: 'wir schicken Ihnen noch heute ein Austauschgerät. Bitte legen Sie das beschädigte Gerät in den Karton des neuen und nutzen Sie das beiliegende Rücksendeetikett.',
        },
        {
          subjects: ['Reklamation: {device} startet nicht', '{device} nach zwei Wochen defekt'],
          opening: 'unser neuer {device} startet nach zwei Wochen nicht mehr, die LED blinkt nur noch rot.',
          ask: 'haben Sie das Gerät schon einmal für eine Minute vom Strom getrennt und mit einem anderen Netzteil probiert?',
          detail: 'Ja, mehrmals, auch mit dem Netzteil von unserem zweiten Gerät. Die LED blinkt weiter rot.',
          solution: 'das Gerät fällt unter die Garantie. Ein Austauschgerät ist unterwegs; das Rücksendeetikett für den defekten {device} haben Sie per E-Mail erhalten.',
        },
      ],
      notes: ['RMA-Nummer angelegt, Austauschgerät aus Lager Nord reserviert.'],
    },
    en: {
      cases: [
        {
          subjects: ['{device} arrived damaged', 'Damaged in transit: order {order}'],
          opening: 'the {device} from order {order} arrived today with a cracked case, and it does not switch on.',
          ask: 'please upload a photo of the damage and the packaging in the customer portal so we can file a claim with the courier.',
          detail: 'I have just uploaded photos of the device and the box in the customer portal.',
          solution: 'we are sending you a replacement today. Please put the damaged device in the box of the new one and use the enclosed return label.',
        },
        {
          subjects: ['Return: {device} does not start', '{device} faulty after two weeks'],
          opening: 'our new {device} stopped starting after two weeks, the LED just flashes red.',
          ask: 'have you tried unplugging it for a minute and using a different power supply?',
          detail: 'Yes, several times, also with the power supply from our second device. The LED still flashes red.',
          solution: 'the device is covered by the warranty. A replacement is on its way, and you have received the return label for the faulty {device} by email.',
        },
      ],
      notes: ['RMA number created, replacement reserved from the north warehouse.'],
    },
  },
  {
    key: 'cancellation',
    weight: 6,
    team: 'billing',
    type: 'task',
    priority: { low: 2, normal: 5 },
    tags: ['cancellation'],
    extraTags: ['churn-risk'],
    de: {
      cases: [
        {
          subjects: ['Kündigung des Vertrags', 'Kündigung zum nächstmöglichen Termin'],
          opening: 'hiermit kündige ich unseren Vertrag fristgerecht zum nächstmöglichen Zeitpunkt. Bitte bestätigen Sie mir die Kündigung schriftlich.',
          ask: 'schade, dass Sie gehen möchten! Dürfen wir fragen, was der Grund ist? Vielleicht finden wir gemeinsam eine Lösung.',
          detail: 'Der Hauptgrund ist der Preis, wir sind ein sehr kleiner Betrieb und nutzen nur die Grundfunktionen.',
          solution: 'wir bestätigen die Kündigung zum {date}. Bis dahin können Sie alle Funktionen wie gewohnt nutzen; Ihre Daten können Sie jederzeit im Backoffice exportieren.',
        },
        {
          subjects: ['Kündigung einer Kassenlizenz', 'Eine Kasse zum Monatsende abmelden'],
          opening: 'wir schließen unsere zweite Filiale und möchten deshalb eine der beiden Kassenlizenzen zum Monatsende kündigen.',
          ask: 'welche der beiden Kassen sollen wir abmelden? Bitte nennen Sie uns die Seriennummer.',
          detail: 'Die Kasse in der Filiale, Seriennummer SN-{serial}.',
          solution: 'die Lizenz für die Kasse SN-{serial} ist zum {date} gekündigt, die andere läuft unverändert weiter. Die Änderung sehen Sie ab der nächsten Rechnung.',
        },
      ],
      notes: ['Rückgewinnungsangebot (Tarif Starter, 3 Monate zum halben Preis) angeboten.', 'Kündigung im Vertragssystem erfasst.'],
    },
    en: {
      cases: [
        {
          subjects: ['Cancel our contract', 'Notice of cancellation'],
          opening: 'please accept this as notice to cancel our contract at the earliest possible date, and confirm the cancellation in writing.',
          ask: "we're sorry to see you go! May we ask why? Perhaps we can find a solution together.",
          detail: 'Mainly the price, we are a very small business and only use the basic features.',
          solution: 'we confirm the cancellation effective {date}. Until then you can use everything as usual, and you can export your data from the back office at any time.',
        },
        {
          subjects: ['Cancel one till licence', 'Remove a till at the end of the month'],
          opening: 'we are closing our second shop and would like to cancel one of our two till licences at the end of the month.',
          ask: 'which of the two tills should we deregister? Please tell us its serial number.',
          detail: 'The till in the second shop, serial number SN-{serial}.',
          solution: 'the licence for till SN-{serial} is cancelled effective {date}, the other one continues unchanged. You will see the change on your next invoice.',
        },
      ],
      notes: ['Offered the win-back deal (Starter plan, 3 months at half price).', 'Cancellation recorded in the contract system.'],
    },
  },
  {
    key: 'plan',
    weight: 5,
    team: 'billing',
    type: 'task',
    priority: { low: 3, normal: 4 },
    tags: ['billing', 'upgrade'],
    de: {
      cases: [
        {
          subjects: ['Wechsel in den Tarif {plan}', 'Tarifwechsel wegen Lagerverwaltung'],
          opening: 'wir möchten vom aktuellen Tarif in den Tarif {plan} wechseln, weil wir die Lagerverwaltung brauchen. Geht das auch mitten im Monat?',
          ask: 'möchten Sie sofort wechseln oder zum Ersten des nächsten Monats?',
          detail: 'Gern sofort, wir brauchen die Lagerverwaltung schon für die Inventur.',
          solution: 'der Wechsel in den Tarif {plan} ist erledigt und sofort aktiv. Den anteiligen Betrag für diesen Monat verrechnen wir mit der nächsten Rechnung.',
        },
        {
          subjects: ['Angebot für {count} zusätzliche Lizenzen', 'Weitere Kassen für neue Filiale'],
          opening: 'wir eröffnen eine weitere Filiale und brauchen {count} zusätzliche Kassenlizenzen. Können Sie uns ein Angebot schicken?',
          ask: 'ab wann sollen die zusätzlichen Lizenzen aktiv sein? Dann bereiten wir alles vor.',
          detail: 'Ab dem Ersten des nächsten Monats, die Eröffnung ist am Dritten.',
          solution: 'das Angebot für {count} zusätzliche Lizenzen finden Sie im Backoffice unter „Angebote“. Nach Ihrer Bestätigung schalten wir die Lizenzen zum gewünschten Datum frei.',
        },
      ],
      notes: ['Upsell: Kunde wächst, Hinweis an Customer Success gegeben.'],
    },
    en: {
      cases: [
        {
          subjects: ['Switch to the {plan} plan', 'Change of plan for stock management'],
          opening: 'we would like to move from our current plan to the {plan} plan because we need stock management. Is that possible mid-month?',
          ask: 'would you like to switch right away or from the first of next month?',
          detail: 'Right away please, we need stock management for our stocktake.',
          solution: 'your switch to the {plan} plan is done and active immediately. The pro-rata amount for this month will be added to your next invoice.',
        },
        {
          subjects: ['Quote for {count} additional licences', 'More tills for our new shop'],
          opening: 'we are opening another shop and need {count} additional till licences. Could you send us a quote?',
          ask: 'from what date should the additional licences be active? Then we can get everything ready.',
          detail: 'From the first of next month, the opening is on the third.',
          solution: 'the quote for {count} additional licences is in the back office under "Quotes". Once you confirm, we will activate them on the date you need.',
        },
      ],
      notes: ['Upsell: customer is growing, told Customer Success.'],
    },
  },
];
