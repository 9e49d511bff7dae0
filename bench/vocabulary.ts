/**
 * Words the seeded tickets are written with: a German and English support vocabulary whose
 * order is its frequency (the seeder picks early words far more often, Zipf-like), and a list
 * of rare words that each end up in only a few hundred tickets per million.
 */

/** Frequent support words, most frequent first; German and English interleaved. */
export const COMMON_WORDS: readonly string[] = [
  // function-like filler that every mail has
  'hallo', 'hello', 'bitte', 'please', 'danke', 'thanks', 'leider', 'unfortunately', 'heute', 'today',
  'gestern', 'yesterday', 'wieder', 'again', 'immer', 'still', 'schnell', 'quickly', 'gerne', 'regards',
  // the subjects of most tickets
  'Bestellung', 'order', 'Rechnung', 'invoice', 'Lieferung', 'delivery', 'Passwort', 'password', 'Konto', 'account',
  'Zahlung', 'payment', 'Rückerstattung', 'refund', 'Versand', 'shipping', 'Anmeldung', 'login', 'Fehler', 'error',
  'Problem', 'issue', 'Frage', 'question', 'Kündigung', 'cancellation', 'Abonnement', 'subscription', 'Adresse', 'address',
  'Paket', 'package', 'Artikel', 'item', 'Preis', 'price', 'Rabatt', 'discount', 'Gutschein', 'voucher',
  'Umtausch', 'exchange', 'Rücksendung', 'return', 'Garantie', 'warranty', 'Reparatur', 'repair', 'Termin', 'appointment',
  'Kundennummer', 'customer', 'Support', 'support', 'Mitarbeiter', 'agent', 'Antwort', 'reply', 'Nachricht', 'message',
  'App', 'app', 'Webseite', 'website', 'Browser', 'browser', 'Handy', 'phone', 'Update', 'update',
  'Lieferzeit', 'tracking', 'Sendungsnummer', 'shipment', 'Spedition', 'courier', 'Lager', 'warehouse', 'Bestand', 'stock',
  'Vertrag', 'contract', 'Tarif', 'plan', 'Upgrade', 'upgrade', 'Lizenz', 'license', 'Benutzer', 'user',
  'Daten', 'data', 'Export', 'export', 'Import', 'import', 'Datei', 'file', 'Anhang', 'attachment',
  'Drucker', 'printer', 'Gerät', 'device', 'Akku', 'battery', 'Bildschirm', 'screen', 'Kabel', 'cable',
  'Lastschrift', 'transfer', 'Kreditkarte', 'card', 'Überweisung', 'bank', 'Mahnung', 'reminder', 'Frist', 'deadline',
  'beschädigt', 'damaged', 'falsch', 'wrong', 'fehlt', 'missing', 'kaputt', 'broken', 'verspätet', 'delayed',
  'funktioniert', 'works', 'erhalten', 'received', 'bestellt', 'ordered', 'bezahlt', 'paid', 'storniert', 'cancelled',
  'dringend', 'urgent', 'wichtig', 'important', 'möglich', 'possible', 'sofort', 'immediately', 'zufrieden', 'satisfied',
  'Wochenende', 'weekend', 'Montag', 'Monday', 'Freitag', 'Friday', 'Woche', 'week', 'Monat', 'month',
  'Filiale', 'store', 'Hotline', 'hotline', 'Rückruf', 'callback', 'Beschwerde', 'complaint', 'Lob', 'feedback',
  'Größe', 'size', 'Farbe', 'colour', 'Modell', 'model', 'Ersatzteil', 'spare', 'Zubehör', 'accessory',
  'Newsletter', 'newsletter', 'Datenschutz', 'privacy', 'Löschung', 'deletion', 'Auskunft', 'request', 'Einwilligung', 'consent',
  'Server', 'server', 'Ausfall', 'outage', 'Verbindung', 'connection', 'Synchronisierung', 'sync', 'Schnittstelle', 'integration',
  'Steuer', 'tax', 'Umsatzsteuer', 'VAT', 'Firmenkunde', 'business', 'Angebot', 'quote', 'Großbestellung', 'bulk',
  'Geschenk', 'gift', 'Verpackung', 'packaging', 'Abholung', 'pickup', 'Zustellung', 'courier', 'Nachbar', 'neighbour',
  'Bewertung', 'review', 'Konfiguration', 'settings', 'Benachrichtigung', 'notification', 'Sprache', 'language', 'Zeitzone', 'timezone',
];

/**
 * Words that appear in few tickets. The seeder places each of them in a single sentence of the
 * sentence pool, so a rare word matches roughly (sentences per ticket / pool size) of all tickets.
 */
export const RARE_WORDS: readonly string[] = [
  'Kulanzantrag', 'chargeback', 'Rücklastschrift', 'firmware', 'Zollabfertigung', 'customs', 'Seriennummer', 'serialnumber',
  'Leasingvertrag', 'leaseback', 'Gewährleistungsfrist', 'escalation', 'Sammelrechnung', 'consolidated', 'Wärmepumpe', 'thermostat',
  'Fahrradschloss', 'bikelock', 'Kaffeevollautomat', 'espresso', 'Staubsaugerroboter', 'vacuum', 'Balkonkraftwerk', 'inverter',
  'Steckdosenleiste', 'powerstrip', 'Zwei-Faktor-Authentifizierung', 'authenticator', 'Schnittstellenbeschreibung', 'webhook', 'Zahlungsavis', 'remittance',
  'Mehrwegverpackung', 'reusable', 'Sperrgut', 'oversized', 'Inselzuschlag', 'surcharge', 'Expresszuschlag', 'overnight',
  'Kontoauszug', 'statement', 'Ratenzahlung', 'installment', 'Skonto', 'prepayment', 'Bonitätsprüfung', 'creditcheck',
  'Wasserschaden', 'waterdamage', 'Transportschaden', 'dented', 'Montageanleitung', 'manual', 'Schraubenset', 'screwdriver',
  'Kindersicherung', 'parental', 'Familienkonto', 'household', 'Studentenrabatt', 'student', 'Treuepunkte', 'loyalty',
  'Vorkasse', 'escrow', 'Nachnahme', 'cashondelivery', 'Packstation', 'locker', 'Postfiliale', 'postoffice',
  'Energieeffizienz', 'efficiency', 'Entkalkung', 'descaling', 'Filterwechsel', 'cartridge', 'Dichtungsring', 'gasket',
];

/** Words the search benchmark asks for: half frequent (many matches), half rare (a few hundred per million). */
export const SEARCH_WORDS: { word: string; kind: 'common' | 'rare'; lang: 'de' | 'en' }[] = [
  { word: 'Rechnung', kind: 'common', lang: 'de' },
  { word: 'invoice', kind: 'common', lang: 'en' },
  { word: 'Lieferung', kind: 'common', lang: 'de' },
  { word: 'password', kind: 'common', lang: 'en' },
  { word: 'Rückerstattung', kind: 'common', lang: 'de' },
  { word: 'refund', kind: 'common', lang: 'en' },
  { word: 'Garantie', kind: 'common', lang: 'de' },
  { word: 'subscription', kind: 'common', lang: 'en' },
  { word: 'Kulanzantrag', kind: 'rare', lang: 'de' },
  { word: 'chargeback', kind: 'rare', lang: 'en' },
  { word: 'Rücklastschrift', kind: 'rare', lang: 'de' },
  { word: 'firmware', kind: 'rare', lang: 'en' },
  { word: 'Wärmepumpe', kind: 'rare', lang: 'de' },
  { word: 'installment', kind: 'rare', lang: 'en' },
  { word: 'Packstation', kind: 'rare', lang: 'de' },
  { word: 'descaling', kind: 'rare', lang: 'en' },
];

/** Subjects of seeded and benchmark-created tickets (a word is appended to vary them). */
export const SUBJECTS: readonly string[] = [
  'Frage zu meiner Bestellung', 'Question about my order', 'Rechnung fehlt', 'Invoice missing', 'Lieferung verspätet',
  'Delivery delayed', 'Passwort zurücksetzen', 'Password reset', 'Rückerstattung beantragt', 'Refund request',
  'Artikel beschädigt', 'Item damaged', 'Kündigung meines Abonnements', 'Cancel my subscription', 'Login funktioniert nicht',
  'Cannot log in', 'Adresse ändern', 'Change my address', 'Garantiefall', 'Warranty claim',
];
