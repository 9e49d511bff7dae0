import type { Topic } from './topic.ts';

/** Requests about getting in and about personal data: signing in, passwords, data protection. */
export const ACCESS_TOPICS: readonly Topic[] = [
  {
    key: 'login',
    weight: 12,
    team: 'first',
    type: 'incident',
    priority: { normal: 5, high: 3, urgent: 1 },
    tags: ['login'],
    extraTags: ['backoffice', 'mobile-app'],
    de: {
      cases: [
        {
          subjects: ['Login ins Backoffice funktioniert nicht', 'Kann mich seit heute Morgen nicht mehr einloggen'],
          opening: 'seit heute Morgen komme ich nicht mehr ins Backoffice. Nach der Eingabe von E-Mail und Passwort lädt die Seite kurz und ich lande wieder auf der Anmeldemaske. Ich nutze {browser}.',
          ask: 'könnten Sie bitte einmal ein privates Browserfenster nutzen und uns sagen, ob die Anmeldung dort klappt?',
          detail: 'Im privaten Fenster klappt es tatsächlich. Im normalen Fenster lädt die Seite weiterhin einfach neu.',
          solution: 'das lag an einem veralteten Cookie aus der alten Backoffice-Version. Wir haben Ihre Sitzungen zurückgesetzt; nach einem Neuladen der Seite funktioniert die Anmeldung wieder.',
        },
        {
          subjects: ['Aushilfe kann sich an der Kasse nicht anmelden', 'Anmeldung an Kasse 2 nicht möglich'],
          opening: 'unsere Aushilfe kann sich an der Kasse nicht mehr anmelden, es kommt nur „Zugangsdaten ungültig“. Das Passwort ist aber richtig, an der anderen Kasse klappt es.',
          ask: 'erscheint nach mehreren Versuchen eine andere Meldung? Bitte nennen Sie uns den genauen Wortlaut.',
          detail: 'Jetzt steht da „Konto vorübergehend gesperrt“.',
          solution: 'das Benutzerkonto war nach mehreren Fehlversuchen vorübergehend gesperrt. Wir haben die Sperre aufgehoben, die Anmeldung funktioniert ab sofort wieder.',
        },
      ],
      notes: ['Konto geprüft: aktiv, letzte erfolgreiche Anmeldung vor 3 Tagen, danach 6 Fehlversuche.', 'Gleiches Muster wie bei zwei anderen Kunden heute, evtl. Cookie-Problem nach dem Update.'],
    },
    en: {
      cases: [
        {
          subjects: ["Can't log in to the back office", 'Login not working since this morning'],
          opening: "since this morning I can't get into the back office. After entering my email and password the page reloads and takes me back to the login form. I'm using {browser}.",
          ask: 'could you please try a private browser window and let us know whether signing in works there?',
          detail: 'It does work in a private window. In a normal window the page still just reloads.',
          solution: 'this was caused by an outdated cookie from the old back office. We have reset your sessions; after reloading the page you can sign in again.',
        },
        {
          subjects: ['Staff member locked out of the till', 'Cannot sign in on till 2'],
          opening: 'one of our staff can no longer sign in at the till, it just says "invalid credentials". The password is correct though, it works on our other till.',
          ask: 'does a different message appear after several attempts? Please tell us the exact wording.',
          detail: 'Now it says "account temporarily locked".',
          solution: 'the account had been locked temporarily after several failed attempts. We have lifted the lock and signing in works again now.',
        },
      ],
      notes: ['Checked the account: active, last successful login 3 days ago, then 6 failed attempts.', 'Same pattern as two other customers today, possibly the cookie issue after the release.'],
    },
  },
  {
    key: 'password',
    weight: 9,
    team: 'first',
    type: 'question',
    priority: { low: 2, normal: 6, high: 1 },
    tags: ['password'],
    de: {
      cases: [
        {
          subjects: ['Keine E-Mail zum Zurücksetzen des Passworts erhalten', 'Passwort vergessen – keine Mail'],
          opening: 'ich habe mein Passwort vergessen und schon dreimal auf „Passwort vergessen“ geklickt, aber es kommt keine E-Mail an. Auch nicht im Spam-Ordner.',
          ask: 'an welche E-Mail-Adresse sollte die Nachricht gehen? Bei uns ist für Ihr Konto eine andere Adresse hinterlegt.',
          detail: 'Die Mails sollten an unsere Info-Adresse gehen, die persönliche Adresse nutze ich nicht mehr.',
          solution: 'wir haben die hinterlegte E-Mail-Adresse aktualisiert und den Link erneut versendet. Er sollte in den nächsten Minuten ankommen.',
        },
        {
          subjects: ['Passwort zurücksetzen funktioniert nicht', 'Link zum Zurücksetzen ist immer abgelaufen'],
          opening: 'der Link zum Zurücksetzen des Passworts sagt jedes Mal „Link abgelaufen“, obwohl ich ihn sofort anklicke.',
          ask: 'haben Sie einen Virenscanner am Mailserver? Manche Scanner rufen Links vorab auf und machen sie dadurch ungültig.',
          detail: 'Ja, wir haben einen Virenscanner am Mailserver. Den Link habe ich direkt aus Outlook geöffnet.',
          solution: 'wir haben Ihnen soeben einen neuen Link geschickt, er ist 24 Stunden gültig. Bitte kopieren Sie ihn direkt in die Adresszeile Ihres Browsers, statt ihn anzuklicken.',
        },
      ],
      notes: ['Mailversand-Log geprüft: Mails wurden zugestellt, Empfänger-Server hat angenommen.', 'Hinterlegte Adresse war noch die alte vom Vorbesitzer.'],
    },
    en: {
      cases: [
        {
          subjects: ['Password reset email not arriving', 'Forgot my password – no email'],
          opening: "I forgot my password and clicked \"forgot password\" three times, but no email arrives. It's not in the spam folder either.",
          ask: 'which email address should the message go to? We have a different address on file for your account.',
          detail: 'The emails should go to our info address, I no longer use my personal one.',
          solution: "we've updated the email address on file and sent the link again. It should arrive within the next few minutes.",
        },
        {
          subjects: ['Reset link says expired', 'Password reset not working'],
          opening: 'the password reset link says "link expired" every time, even though I click it straight away.',
          ask: 'do you have a virus scanner on your mail server? Some scanners open links in advance, which makes them invalid.',
          detail: 'Yes, we have a virus scanner on our mail server. I opened the link straight from Outlook.',
          solution: "we've just sent you a new link, valid for 24 hours. Please copy it into your browser's address bar instead of clicking it.",
        },
      ],
      notes: ['Checked the mail log: messages were delivered and accepted by the receiving server.', 'Address on file was still the one of the previous owner.'],
    },
  },
  {
    key: 'gdpr',
    weight: 3,
    team: 'billing',
    type: 'task',
    priority: { normal: 4, high: 1 },
    tags: ['gdpr'],
    de: {
      cases: [
        {
          subjects: ['Auskunft nach Art. 15 DSGVO', 'Auskunftsersuchen zu meinen Daten'],
          opening: 'hiermit bitte ich um Auskunft über alle bei Ihnen gespeicherten personenbezogenen Daten zu meiner Person gemäß Art. 15 DSGVO.',
          ask: 'zur Sicherheit müssen wir Ihre Identität bestätigen. Bitte antworten Sie von der E-Mail-Adresse, die in Ihrem Kundenkonto hinterlegt ist.',
          detail: 'Ich schreibe Ihnen jetzt von der hinterlegten Adresse, bitte um Bearbeitung.',
          solution: 'die Auskunft über alle zu Ihnen gespeicherten Daten steht im Kundenportal unter „Dokumente“ als PDF bereit. Bei Fragen melden Sie sich gern.',
        },
        {
          subjects: ['Auftragsverarbeitungsvertrag benötigt', 'AV-Vertrag für unsere Unterlagen'],
          opening: 'für unsere Datenschutz-Dokumentation benötigen wir einen unterschriebenen Vertrag zur Auftragsverarbeitung. Können Sie uns den zusenden?',
          ask: 'auf welche Firma und welche Anschrift soll der Vertrag ausgestellt werden?',
          detail: 'Auf die GmbH, Anschrift wie im Impressum unserer Website.',
          solution: 'den unterschriebenen Vertrag zur Auftragsverarbeitung finden Sie ab sofort im Backoffice unter „Verträge“ zum Download.',
        },
      ],
      notes: ['Frist 1 Monat beachten, Eingang ist dokumentiert. Datenschutzbeauftragten in Kopie genommen.'],
    },
    en: {
      cases: [
        {
          subjects: ['Subject access request (GDPR)', 'Request for a copy of my data'],
          opening: 'under Article 15 GDPR I would like to receive a copy of all personal data you hold about me.',
          ask: 'to be safe we need to confirm your identity. Please reply from the email address stored in your customer account.',
          detail: "I'm writing from the address on file now, please go ahead.",
          solution: 'a PDF with all data we hold about you is ready in the customer portal under "Documents". Let us know if you have any questions.',
        },
        {
          subjects: ['Data processing agreement needed', 'DPA for our records'],
          opening: 'for our data protection records we need a signed data processing agreement. Could you send it to us?',
          ask: 'which company name and address should the agreement be made out to?',
          detail: 'To the limited company, address as on our website.',
          solution: 'the signed data processing agreement is now available for download in the back office under "Contracts".',
        },
      ],
      notes: ['One-month deadline applies, receipt is documented. Data protection officer copied in.'],
    },
  },
];
