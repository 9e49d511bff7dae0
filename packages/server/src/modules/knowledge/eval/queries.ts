/**
 * Questions end customers really type into the help center search box or the chat, each with the
 * one published article that answers it best. Written the way people type: lowercase, missing
 * umlauts, typos, colloquial words that never appear in the article's title. They measure the
 * knowledge base search and the answer bot against the demo help center (src/demo/kb).
 */
export interface EvalQuery {
  q: string;
  lang: 'de' | 'en';
  /** Key of the demo article that answers the question. */
  expect: string;
}

export const EVAL_QUERIES: EvalQuery[] = [
  // Receipt printer
  { q: 'drucker druckt nich', lang: 'de', expect: 'bp80-prints-nothing' },
  { q: 'bondrucker spuckt nur weisses papier aus', lang: 'de', expect: 'bp80-prints-nothing' },
  { q: 'Kasse sagt gedruckt aber es kommt kein Kassenzettel raus', lang: 'de', expect: 'bp80-prints-nothing' },
  { q: 'kassenbon zu blass', lang: 'de', expect: 'bp80-faint-print' },
  { q: 'man kann auf den bons kaum was lesen, so hell', lang: 'de', expect: 'bp80-faint-print' },
  { q: 'papier klemmt und der deckl geht nicht mehr auf', lang: 'de', expect: 'bp80-paper-jam' },
  { q: 'wie leg ich ne neue rolle ein', lang: 'de', expect: 'bp80-paper-jam' },
  { q: 'auf dem bon steht br?tchen statt brotchen', lang: 'de', expect: 'bp80-wrong-characters' },
  { q: 'printer not printing anything', lang: 'en', expect: 'bp80-prints-nothing' },
  { q: 'reciept paper stuck in printer', lang: 'en', expect: 'bp80-paper-jam' },
  { q: 'recipts are really faint and grey', lang: 'en', expect: 'bp80-faint-print' },
  { q: 'question marks on receipts instead of accents', lang: 'en', expect: 'bp80-wrong-characters' },

  // Card payments
  { q: 'kartenleser verbindet sich nicht bluetoth', lang: 'de', expect: 'ct4-bluetooth-pairing' },
  { q: 'kartenterminal an die zweite kasse hängen', lang: 'de', expect: 'ct4-bluetooth-pairing' },
  { q: 'karte abgelent code 05', lang: 'de', expect: 'ct4-payment-declined' },
  { q: 'ec karte geht nicht kunde sagt bei rewe gehts', lang: 'de', expect: 'ct4-payment-declined' },
  { q: 'wann kommt das geld von den kartenzahlungen aufs konto', lang: 'de', expect: 'card-payouts' },
  { q: 'wie hoch sind die gebüren für girocard', lang: 'de', expect: 'card-payouts' },
  { q: 'card reader wont pair with till', lang: 'en', expect: 'ct4-bluetooth-pairing' },
  { q: 'customer card declinded error 65', lang: 'en', expect: 'ct4-payment-declined' },
  { q: 'when do i get the money from card sales', lang: 'en', expect: 'card-payouts' },

  // Devices and delivery
  { q: 'scanner schreibt ß statt bindestrich', lang: 'de', expect: 'sc2-scanner-setup' },
  { q: 'barcode scanner piept aber nix passiert', lang: 'de', expect: 'sc2-scanner-setup' },
  { q: 'zweiter bildschrim für kunden bleibt schwarz', lang: 'de', expect: 'km10-customer-display' },
  { q: 'kasse geht nicht mehr an, lampchen blinkt rot', lang: 'de', expect: 't11-wont-start' },
  { q: 'wo bleibt meine bestelung', lang: 'de', expect: 'delivery-tracking' },
  { q: 'paket hängt seit tagen beim zusteller', lang: 'de', expect: 'delivery-tracking' },
  { q: 'drucker kam kaputt an, karton war eingedrückt', lang: 'de', expect: 'damaged-device-return' },
  { q: 'bluetooth scanner types wrong characters', lang: 'en', expect: 'sc2-scanner-setup' },
  { q: 'customer facing screen is black', lang: 'en', expect: 'km10-customer-display' },
  { q: 'till computer wont boot, light flashing red', lang: 'en', expect: 't11-wont-start' },
  { q: 'my order hasnt arrived yet', lang: 'en', expect: 'delivery-tracking' },
  { q: 'new card reader arrived with a cracked case', lang: 'en', expect: 'damaged-device-return' },

  // Sign-in and security
  { q: 'passwort vergesen', lang: 'de', expect: 'password-reset' },
  { q: 'mail zum zurücksetzten kommt einfach nicht', lang: 'de', expect: 'password-reset' },
  { q: 'ich komm nicht ins backoffice, seite lädt immer nur neu', lang: 'de', expect: 'login-problems' },
  { q: 'hab mich paar mal vertippt jetzt bin ich ausgesperrt', lang: 'de', expect: 'login-problems' },
  { q: 'neues handy, die codes aus der authenticator app sind weg', lang: 'de', expect: 'two-factor-lost-phone' },
  { q: 'wie schalte ich 2fa ein', lang: 'de', expect: 'two-factor-setup' },
  { q: 'aushilfe hat ihre pin vergessen', lang: 'de', expect: 'staff-pin-login' },
  { q: 'azubi soll keine stornos machen durfen', lang: 'de', expect: 'users-and-roles' },
  { q: 'cant log in after new phone 2fa', lang: 'en', expect: 'two-factor-lost-phone' },
  { q: 'password reset link says expired', lang: 'en', expect: 'password-reset' },
  { q: 'login page just keeps reloading', lang: 'en', expect: 'login-problems' },
  { q: 'how do i switch on 2 step verification for the owner account', lang: 'en', expect: 'two-factor-setup' },
  { q: 'staff member locked out of the till after wrong pin', lang: 'en', expect: 'staff-pin-login' },

  // Data protection
  { q: 'auskunft welche daten ihr über mich speichert dsgvo', lang: 'de', expect: 'gdpr-data-request' },
  { q: 'brauche av vertrag für unsren datenschutzordner', lang: 'de', expect: 'data-processing-agreement' },
  { q: 'gdpr request copy of my data', lang: 'en', expect: 'gdpr-data-request' },

  // Billing and contract
  { q: 'rechnung doppelt abgebucht', lang: 'de', expect: 'double-charge-refund' },
  { q: 'zwei abbuchungen auf dem kontoauszug geld zurück', lang: 'de', expect: 'double-charge-refund' },
  { q: 'lastschirft geplatzt und jetzt mahnung bekommen', lang: 'de', expect: 'failed-payment-reminder' },
  { q: 'wir haben die bank gewechselt, neue iban wo eintragen', lang: 'de', expect: 'sepa-mandate-bank-change' },
  { q: 'wo finde ich meine rechnugen', lang: 'de', expect: 'find-invoices' },
  { q: 'warum ist die rechnung diesen monat hoeher als sonst', lang: 'de', expect: 'invoice-explained' },
  { q: 'was kostet business im monat', lang: 'de', expect: 'plans-compared' },
  { q: 'brauche lagerverwaltung, geht upgrade mitten im monat', lang: 'de', expect: 'change-plan' },
  { q: 'wie kündige ich', lang: 'de', expect: 'cancel-contract' },
  { q: 'filiale macht zu, eine kasse abmelden', lang: 'de', expect: 'cancel-contract' },
  { q: 'kreditkarte abgelaufn wo ändere ich die', lang: 'de', expect: 'credit-card-payment' },
  { q: 'charged twice this month', lang: 'en', expect: 'double-charge-refund' },
  { q: 'direct debit bounced got a reminder fee', lang: 'en', expect: 'failed-payment-reminder' },
  { q: 'changed banks how do i update paymnet details', lang: 'en', expect: 'sepa-mandate-bank-change' },
  { q: 'how do i cancel my subscripton', lang: 'en', expect: 'cancel-contract' },
  { q: 'whats the difference between plus and business', lang: 'en', expect: 'plans-compared' },
  { q: 'need two more tills for our new shop', lang: 'en', expect: 'change-plan' },
  { q: 'where can i download old invoices for my accountent', lang: 'en', expect: 'find-invoices' },
  { q: 'pay by visa instead of direct debit', lang: 'en', expect: 'credit-card-payment' },

  // Tax compliance and exports
  { q: 'tse ausgefallen was tun', lang: 'de', expect: 'tse-failure' },
  { q: 'kasse zeigt roten balken fehler e-301', lang: 'de', expect: 'tse-failure' },
  { q: 'was ist diese tse überhaupt und brauch ich die', lang: 'de', expect: 'tse-explained' },
  { q: 'finanzamt steht im laden und will die kasse sehen', lang: 'de', expect: 'kassennachschau' },
  { q: 'muss ich meine kasse beim finanzamt anmleden elster', lang: 'de', expect: 'finanzamt-registration' },
  { q: 'muss ich jedem kunden nen bon geben auch wenn ers nicht will', lang: 'de', expect: 'receipt-obligation' },
  { q: 'kaffe to go 7 oder 19 prozent', lang: 'de', expect: 'vat-rates' },
  { q: 'wie mach ich abends den kassenabschluss', lang: 'de', expect: 'daily-closing-z-report' },
  { q: 'gestern tagesabschluss vergesen was nun', lang: 'de', expect: 'daily-closing-z-report' },
  { q: 'wechselgeld morgens einlegen wie buchen', lang: 'de', expect: 'cash-in-out' },
  { q: 'abends 20 euro zu wenig in der schublade', lang: 'de', expect: 'cash-in-out' },
  { q: 'steuerbrater will die umsätze für datev haben', lang: 'de', expect: 'datev-export' },
  { q: 'export für buchhaltung bricht bei 80 prozent ab', lang: 'de', expect: 'datev-export' },
  { q: 'csv in excel öffnen umlaute sind komisch', lang: 'de', expect: 'csv-export-excel' },
  { q: 'betriebsprüfer will die kassendaten als export', lang: 'de', expect: 'dsfinvk-export' },
  { q: 'tse error on the till what now', lang: 'en', expect: 'tse-failure' },
  { q: 'what is this tse thing and do i need one', lang: 'en', expect: 'tse-explained' },
  { q: 'do i have to give every customer a receipt', lang: 'en', expect: 'receipt-obligation' },
  { q: 'vat on take away latte', lang: 'en', expect: 'vat-rates' },
  { q: 'how to close the till at night', lang: 'en', expect: 'daily-closing-z-report' },
  { q: 'csv export shows weird symbols in excel', lang: 'en', expect: 'csv-export-excel' },
  { q: 'tax inspector wants till data export', lang: 'en', expect: 'dsfinvk-export' },

  // Everyday sales and setup
  { q: 'kunde bringt ware zurück wie buche ich das', lang: 'de', expect: 'returns-and-voids' },
  { q: 'falschen artikel gebont rückgängig machen', lang: 'de', expect: 'returns-and-voids' },
  { q: 'gutschein restbetrag auszahlen', lang: 'de', expect: 'gift-vouchers' },
  { q: 'trinkgeld bei kartenzahlung draufschlagen', lang: 'de', expect: 'tips-handling' },
  { q: 'gäste wollen getrent bezahlen', lang: 'de', expect: 'split-payment' },
  { q: 'artikel aus excel liste importieren', lang: 'de', expect: 'products-and-categories' },
  { q: 'kasse neu ausgepackt was muss ich zuerst machen', lang: 'de', expect: 'first-till-setup' },
  { q: 'how do refunds work on the till', lang: 'en', expect: 'returns-and-voids' },
  { q: 'split the bill half cash half card', lang: 'en', expect: 'split-payment' },
  { q: 'voucher balance left after purchse', lang: 'en', expect: 'gift-vouchers' },
  { q: 'tips per employee end of day', lang: 'en', expect: 'tips-handling' },

  // Support
  { q: 'hotline samstag erreichbar?', lang: 'de', expect: 'support-hours-contact' },
  { q: 'ihr kollege will auf meine kasse schauen, wie geht das', lang: 'de', expect: 'remote-support-session' },
  { q: 'wo kann ich vorschlagen dass ihr einen tischplan baut', lang: 'de', expect: 'feature-requests' },
  { q: 'support opening hours on saturday', lang: 'en', expect: 'support-hours-contact' },

  // Software and integrations
  { q: 'app sturzt ab seit dem update', lang: 'de', expect: 'app-crash-after-update' },
  { q: 'kann ich das update verschieben, gerade weihnachtsgeschäft', lang: 'de', expect: 'app-updates' },
  { q: 'internet weg kann ich trotzdem kassiern', lang: 'de', expect: 'offline-mode' },
  { q: 'kasse findet wlan nicht e-401', lang: 'de', expect: 'wifi-setup' },
  { q: 'webshop zieht keine bestände mehr, api schlüssel abgelaufen?', lang: 'de', expect: 'api-keys' },
  { q: 'app keeps crashing after the latest update', lang: 'en', expect: 'app-crash-after-update' },
  { q: 'internet is down can i still sell', lang: 'en', expect: 'offline-mode' },
  { q: 'till keeps dropping off the wifi', lang: 'en', expect: 'wifi-setup' },
  { q: 'api returns 429 too many requests', lang: 'en', expect: 'api-keys' },
  { q: 'how do i verify the webhook signature', lang: 'en', expect: 'webhooks-setup' },
];
