import type { DemoCategory } from './types.ts';

/**
 * The demo help center's structure: what a shop or café owner looks for, in the order they
 * usually need it, from unpacking the till to the tax audit.
 */
export const DEMO_KB_CATEGORIES: DemoCategory[] = [
  {
    key: 'getting-started',
    icon: 'rocket',
    de: { name: 'Erste Schritte', description: 'Kasse einrichten, im Alltag kassieren und den Support erreichen.' },
    en: { name: 'Getting started', description: 'Set up your till, handle everyday sales and reach our support team.' },
    sections: [
      {
        key: 'setup',
        de: { name: 'Einrichtung', description: 'Vom Auspacken bis zum ersten Verkauf.' },
        en: { name: 'Setup', description: 'From unboxing to your first sale.' },
      },
      {
        key: 'daily-operations',
        de: { name: 'Kassenalltag', description: 'Storno, Gutscheine, Trinkgeld und geteilte Zahlungen.' },
        en: { name: 'Everyday sales', description: 'Voids, vouchers, tips and split payments.' },
      },
      {
        key: 'support-contact',
        de: { name: 'Support & Service', description: 'So erreichen Sie uns und so helfen wir Ihnen aus der Ferne.' },
        en: { name: 'Support & service', description: 'How to reach us and how we help you remotely.' },
      },
    ],
  },
  {
    key: 'account-security',
    icon: 'shield-lock',
    de: { name: 'Konto & Sicherheit', description: 'Anmeldung, Passwörter, Zwei-Faktor-Schutz, Benutzerrechte und Datenschutz.' },
    en: { name: 'Account & security', description: 'Signing in, passwords, two-factor protection, user permissions and data protection.' },
    sections: [
      {
        key: 'sign-in',
        de: { name: 'Anmeldung & Passwort', description: 'Wenn die Anmeldung im Backoffice oder an der Kasse hakt.' },
        en: { name: 'Sign-in & password', description: 'When signing in to the back office or the till fails.' },
      },
      {
        key: 'users-roles',
        de: { name: 'Benutzer & Rollen', description: 'Mitarbeitende anlegen und festlegen, wer was darf.' },
        en: { name: 'Users & roles', description: 'Add staff and decide who may do what.' },
      },
      {
        key: 'privacy',
        de: { name: 'Datenschutz', description: 'DSGVO-Anfragen und Auftragsverarbeitung.' },
        en: { name: 'Data protection', description: 'GDPR requests and data processing agreements.' },
      },
    ],
  },
  {
    key: 'billing-contracts',
    icon: 'file-invoice',
    de: { name: 'Abrechnung & Verträge', description: 'Rechnungen, Zahlungsarten, Tarife und Kündigung.' },
    en: { name: 'Billing & contracts', description: 'Invoices, payment methods, plans and cancellation.' },
    sections: [
      {
        key: 'invoices-payment',
        de: { name: 'Rechnungen & Zahlung', description: 'Rechnungen finden und verstehen, Lastschrift und Kreditkarte.' },
        en: { name: 'Invoices & payment', description: 'Find and understand invoices, direct debit and credit card.' },
      },
      {
        key: 'plans-cancellation',
        de: { name: 'Tarife & Kündigung', description: 'Tarif wechseln, Lizenzen anpassen, Vertrag beenden.' },
        en: { name: 'Plans & cancellation', description: 'Change plan, adjust licences, end your contract.' },
      },
    ],
  },
  {
    key: 'hardware',
    icon: 'printer',
    de: { name: 'Hardware', description: 'Bondrucker, Kartenleser, Kassenrechner, Scanner, Kundenmonitor und Versand.' },
    en: { name: 'Hardware', description: 'Receipt printers, card readers, till computers, scanners, customer displays and shipping.' },
    sections: [
      {
        key: 'receipt-printer',
        de: { name: 'Bondrucker BP-80', description: 'Druckprobleme, Papier und Zeichensatz.' },
        en: { name: 'BP-80 receipt printer', description: 'Printing problems, paper and character sets.' },
      },
      {
        key: 'card-payments',
        de: { name: 'Kartenzahlung & CT-4', description: 'Kartenleser koppeln, abgelehnte Zahlungen, Auszahlungen.' },
        en: { name: 'Card payments & CT-4', description: 'Pairing the card reader, declined payments, payouts.' },
      },
      {
        key: 'devices-delivery',
        de: { name: 'Geräte, Lieferung & Reklamation', description: 'Kassenrechner, Scanner, Kundenmonitor, Versand und Austausch.' },
        en: { name: 'Devices, delivery & returns', description: 'Till computer, scanner, customer display, shipping and replacements.' },
      },
    ],
  },
  {
    key: 'tax-compliance',
    icon: 'building-bank',
    de: { name: 'Kassengesetz & Exporte', description: 'TSE, Finanzamt, Tagesabschluss und Daten für Steuerberatung und Betriebsprüfung.' },
    en: { name: 'Tax compliance & exports', description: 'TSE, tax office rules, end of day and data for your accountant and tax audits.' },
    sections: [
      {
        key: 'fiscal-law',
        de: { name: 'TSE & Finanzamt', description: 'Was das Kassengesetz verlangt und wie die Kasse es erfüllt.' },
        en: { name: 'TSE & tax office', description: 'What German till law requires and how the till meets it.' },
      },
      {
        key: 'closing-reports',
        de: { name: 'Tagesabschluss & Bargeld', description: 'Z-Bon, Kassenbestand, Einlagen und Entnahmen.' },
        en: { name: 'End of day & cash', description: 'Z report, cash balance, cash in and cash out.' },
      },
      {
        key: 'exports',
        de: { name: 'Exporte', description: 'DATEV, CSV und DSFinV-K.' },
        en: { name: 'Exports', description: 'DATEV, CSV and DSFinV-K.' },
      },
    ],
  },
  {
    key: 'software-integrations',
    icon: 'plug-connected',
    de: { name: 'Software & Schnittstellen', description: 'Updates, Internet und Offline-Betrieb, REST-API und Webhooks.' },
    en: { name: 'Software & integrations', description: 'Updates, internet and offline operation, REST API and webhooks.' },
    sections: [
      {
        key: 'app-updates',
        de: { name: 'App & Updates', description: 'Neue Versionen einspielen und Abstürze beheben.' },
        en: { name: 'App & updates', description: 'Install new versions and fix crashes.' },
      },
      {
        key: 'network-offline',
        de: { name: 'Netzwerk & Offline-Modus', description: 'WLAN einrichten und ohne Internet weiterkassieren.' },
        en: { name: 'Network & offline mode', description: 'Set up Wi-Fi and keep selling without internet.' },
      },
      {
        key: 'api-webhooks',
        de: { name: 'API & Webhooks', description: 'Eigene Anbindungen, Webshop und Warenwirtschaft.' },
        en: { name: 'API & webhooks', description: 'Your own integrations, web shop and inventory systems.' },
      },
    ],
  },
];
