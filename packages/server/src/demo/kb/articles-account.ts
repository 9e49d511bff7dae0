import type { DemoArticle } from './types.ts';

/** Signing in, passwords, two-factor authentication, users and data protection. */
export const ACCOUNT_ARTICLES: DemoArticle[] = [
  {
    key: 'login-problems',
    section: 'sign-in',
    tags: ['login', 'backoffice', 'browser'],
    related: ['password-reset', 'two-factor-lost-phone', 'staff-pin-login'],
    de: {
      title: 'Anmeldung im Backoffice klappt nicht',
      summary: 'Seite lädt neu, „Zugangsdaten ungültig“ oder „Konto vorübergehend gesperrt“: die häufigsten Ursachen und was hilft.',
      body: `<p>Die meisten Anmeldeprobleme haben eine von drei Ursachen. Gehen Sie die Punkte der Reihe nach durch.</p>
<h2>1. Die Seite lädt neu und Sie landen wieder auf der Anmeldemaske</h2>
<p>Meist liegt das an einem veralteten Cookie im Browser. Probieren Sie zuerst ein privates Fenster (Chrome/Edge: <code>Strg+Umschalt+N</code>, Firefox/Safari: <code>Strg+Umschalt+P</code> bzw. <code>⌘+Umschalt+N</code>). Klappt es dort, löschen Sie im normalen Fenster die Cookies für das Backoffice und melden Sie sich neu an.</p>
<h2>2. „Zugangsdaten ungültig“</h2>
<ul>
<li>Prüfen Sie, ob die Feststelltaste aktiv ist und ob Sie die richtige E-Mail-Adresse verwenden, gerade wenn Sie mehrere Betriebe verwalten.</li>
<li>Passwörter aus dem Passwort-Manager enthalten manchmal ein Leerzeichen am Ende.</li>
<li>Wenn Sie unsicher sind: Setzen Sie das Passwort über „Passwort vergessen?“ zurück.</li>
</ul>
<h2>3. „Konto vorübergehend gesperrt“</h2>
<p>Nach fünf Fehlversuchen sperren wir das Konto zum Schutz für 15 Minuten. Warten Sie die Zeit ab; weitere Versuche verlängern die Sperre nicht, helfen aber auch nicht. Eine Inhaberin oder ein Inhaber kann die Sperre für andere Benutzer unter <strong>Konto → Benutzer</strong> sofort aufheben.</p>
<h3>Immer noch kein Zugang?</h3>
<p>Schreiben Sie uns von der hinterlegten E-Mail-Adresse und nennen Sie Browser und Uhrzeit des letzten Versuchs. Aus Sicherheitsgründen können wir Passwörter nicht telefonisch ändern.</p>`,
    },
    en: {
      title: "Can't sign in to the back office",
      summary: 'Page reloads, "invalid credentials" or "account temporarily locked": the usual causes and what helps.',
      body: `<p>Most sign-in problems come down to one of three causes. Work through them in order.</p>
<h2>1. The page reloads and you end up on the login form again</h2>
<p>This is usually an outdated cookie in your browser. First try a private window (Chrome/Edge: <code>Ctrl+Shift+N</code>, Firefox: <code>Ctrl+Shift+P</code>, Safari: <code>⌘+Shift+N</code>). If that works, delete the back office cookies in your normal window and sign in again.</p>
<h2>2. "Invalid credentials"</h2>
<ul>
<li>Check that Caps Lock is off and that you are using the right email address, especially if you manage several businesses.</li>
<li>Passwords pasted from a password manager sometimes carry a trailing space.</li>
<li>If in doubt, reset the password with "Forgot password?".</li>
</ul>
<h2>3. "Account temporarily locked"</h2>
<p>After five failed attempts we lock the account for 15 minutes to protect it. Wait it out; further attempts don't extend the lock, but they don't help either. An owner can lift the lock for other users straight away under <strong>Account → Users</strong>.</p>
<h3>Still locked out?</h3>
<p>Write to us from the email address on file and tell us your browser and the time of your last attempt. For security reasons we cannot change passwords over the phone.</p>`,
    },
  },
  {
    key: 'password-reset',
    section: 'sign-in',
    tags: ['password', 'login', 'email'],
    related: ['login-problems', 'two-factor-lost-phone'],
    de: {
      title: 'Passwort vergessen: neues Passwort festlegen',
      summary: 'Passwort über den Link per E-Mail zurücksetzen und was tun, wenn keine Mail kommt oder der Link abgelaufen ist.',
      body: `<ol>
<li>Klicken Sie auf der Anmeldeseite des Backoffice auf <strong>Passwort vergessen?</strong>.</li>
<li>Geben Sie die E-Mail-Adresse Ihres Kontos ein. Sie erhalten innerhalb weniger Minuten eine Nachricht mit einem Link.</li>
<li>Öffnen Sie den Link und vergeben Sie ein neues Passwort mit mindestens 12 Zeichen.</li>
</ol>
<p>Der Link ist 24 Stunden gültig und funktioniert nur einmal. Fordern Sie mehrere Links an, gilt immer nur der neueste.</p>
<h2>Es kommt keine E-Mail an</h2>
<ul>
<li>Schauen Sie im Spam- oder Werbung-Ordner nach. Absender ist noreply@demo.servus.example.</li>
<li>Prüfen Sie, ob die Adresse wirklich zu Ihrem Konto gehört. Häufig ist noch die Adresse einer früheren Mitarbeiterin oder des Vorbesitzers hinterlegt. Dann hilft nur der Support, nachdem wir Ihre Berechtigung geprüft haben.</li>
<li>Firmen-Mailserver halten Nachrichten manchmal einige Minuten in Quarantäne.</li>
</ul>
<h2>„Link abgelaufen“, obwohl Sie sofort klicken</h2>
<p>Manche Virenscanner am Mailserver öffnen Links vorab, um sie zu prüfen, und verbrauchen sie dadurch. Fordern Sie einen neuen Link an, kopieren Sie ihn und fügen Sie ihn direkt in die Adresszeile des Browsers ein, statt ihn anzuklicken.</p>
<h3>Passwort an der Kasse?</h3>
<p>An der Kasse melden sich Mitarbeitende mit einer PIN an, nicht mit dem Backoffice-Passwort. Wie Sie eine PIN zurücksetzen, steht im Artikel zur PIN-Anmeldung.</p>`,
    },
    en: {
      title: 'Forgot your password: setting a new one',
      summary: 'Reset your password with the emailed link, and what to do if no email arrives or the link has expired.',
      body: `<ol>
<li>On the back office login page, click <strong>Forgot password?</strong>.</li>
<li>Enter your account's email address. Within a few minutes you receive a message with a link.</li>
<li>Open the link and choose a new password of at least 12 characters.</li>
</ol>
<p>The link is valid for 24 hours and works once. If you request several links, only the newest one is valid.</p>
<h2>No email arrives</h2>
<ul>
<li>Look in your spam or promotions folder. The sender is noreply@demo.servus.example.</li>
<li>Make sure the address really belongs to your account. Quite often it is still the address of a former employee or the previous owner. In that case support can help once we have confirmed you are entitled to the account.</li>
<li>Company mail servers sometimes hold messages in quarantine for a few minutes.</li>
</ul>
<h2>"Link expired" even though you clicked right away</h2>
<p>Some virus scanners on mail servers open links in advance to check them, which uses them up. Request a new link, copy it and paste it straight into your browser's address bar instead of clicking it.</p>
<h3>Password on the till?</h3>
<p>Staff sign in to the till with a PIN, not with the back office password. How to reset a PIN is explained in the article on PIN sign-in.</p>`,
    },
  },
  {
    key: 'two-factor-setup',
    section: 'sign-in',
    tags: ['2fa', 'security', 'login'],
    related: ['two-factor-lost-phone', 'users-and-roles'],
    de: {
      title: 'Zwei-Faktor-Authentifizierung einrichten',
      summary: 'Das Backoffice zusätzlich mit einem Einmalcode aus einer Authenticator-App absichern.',
      body: `<p>Mit Zwei-Faktor-Authentifizierung (2FA) reicht ein gestohlenes Passwort nicht mehr aus, um in Ihr Backoffice zu kommen. Bei der Anmeldung fragen wir zusätzlich einen sechsstelligen Code ab, den eine App auf Ihrem Smartphone alle 30 Sekunden neu erzeugt. Für Konten mit der Rolle „Inhaber“ empfehlen wir 2FA dringend, denn darüber laufen Bankverbindung und Verträge.</p>
<h2>Einrichten</h2>
<ol>
<li>Installieren Sie eine Authenticator-App, zum Beispiel Google Authenticator, Microsoft Authenticator oder eine App Ihres Passwort-Managers.</li>
<li>Öffnen Sie im Backoffice <strong>Konto → Sicherheit → Zwei-Faktor-Authentifizierung</strong> und klicken Sie auf <strong>Aktivieren</strong>.</li>
<li>Scannen Sie den angezeigten QR-Code mit der App.</li>
<li>Geben Sie den Code aus der App ein, um die Einrichtung zu bestätigen.</li>
<li>Laden Sie die zehn <strong>Wiederherstellungscodes</strong> herunter und bewahren Sie sie getrennt vom Handy auf, etwa ausgedruckt im Büro.</li>
</ol>
<h2>2FA für alle vorschreiben</h2>
<p>Unter <strong>Konto → Sicherheit → Richtlinien</strong> können Sie 2FA für alle Backoffice-Benutzer verpflichtend machen. Wer es noch nicht eingerichtet hat, wird bei der nächsten Anmeldung dazu aufgefordert. Die PIN-Anmeldung an der Kasse ist davon nicht betroffen.</p>
<h3>Code wird nicht akzeptiert?</h3>
<p>Fast immer geht die Uhr des Smartphones falsch. Stellen Sie Datum und Uhrzeit auf „automatisch“ und versuchen Sie es erneut.</p>`,
    },
    en: {
      title: 'Turning on two-factor authentication',
      summary: 'Protect the back office with an extra one-time code from an authenticator app.',
      body: `<p>With two-factor authentication (2FA), a stolen password is no longer enough to get into your back office. When signing in we also ask for a six-digit code that an app on your phone generates every 30 seconds. We strongly recommend 2FA for accounts with the "Owner" role, because they control bank details and contracts.</p>
<h2>Setting it up</h2>
<ol>
<li>Install an authenticator app such as Google Authenticator, Microsoft Authenticator or the one built into your password manager.</li>
<li>In the back office, open <strong>Account → Security → Two-factor authentication</strong> and click <strong>Enable</strong>.</li>
<li>Scan the QR code with the app.</li>
<li>Enter the code shown in the app to confirm.</li>
<li>Download the ten <strong>recovery codes</strong> and keep them away from your phone, for example printed out in the office.</li>
</ol>
<h2>Requiring 2FA for everyone</h2>
<p>Under <strong>Account → Security → Policies</strong> you can make 2FA mandatory for all back office users. Anyone who has not set it up yet is asked to do so at their next sign-in. PIN sign-in at the till is not affected.</p>
<h3>Code not accepted?</h3>
<p>Almost always the phone's clock is off. Set date and time to "automatic" and try again.</p>`,
    },
  },
  {
    key: 'two-factor-lost-phone',
    section: 'sign-in',
    tags: ['2fa', 'login', 'recovery'],
    related: ['two-factor-setup', 'login-problems'],
    de: {
      title: 'Neues Handy oder Handy verloren: Anmeldung mit Zwei-Faktor',
      summary: 'Wie Sie ohne Ihr altes Smartphone wieder ins Backoffice kommen und die Authenticator-App umziehen.',
      body: `<p>Der Einmalcode für die Zwei-Faktor-Anmeldung hängt an der Authenticator-App auf Ihrem Smartphone. Ein neues Handy übernimmt ihn nicht automatisch. Je nach Situation gibt es drei Wege.</p>
<h2>Das alte Handy ist noch da</h2>
<ol>
<li>Melden Sie sich mit dem alten Handy im Backoffice an.</li>
<li>Öffnen Sie <strong>Konto → Sicherheit → Zwei-Faktor-Authentifizierung → Gerät wechseln</strong>.</li>
<li>Scannen Sie den neuen QR-Code mit dem neuen Handy und bestätigen Sie mit einem Code. Erst danach die App auf dem alten Gerät löschen.</li>
</ol>
<h2>Das alte Handy ist weg, aber Sie haben Wiederherstellungscodes</h2>
<p>Klicken Sie bei der Code-Abfrage auf <strong>Wiederherstellungscode verwenden</strong> und geben Sie einen der zehn Codes ein. Jeder Code funktioniert nur einmal. Richten Sie danach die App auf dem neuen Gerät ein und laden Sie neue Codes herunter.</p>
<h2>Weder Handy noch Codes</h2>
<ul>
<li>Hat Ihr Betrieb eine zweite Person mit der Rolle „Inhaber“, kann sie Ihre 2FA unter <strong>Konto → Benutzer</strong> zurücksetzen.</li>
<li>Sonst wenden Sie sich an den Support. Wir prüfen Ihre Identität anhand einer Kopie des Personalausweises und der letzten Rechnung. Das dauert in der Regel einen Werktag; eine Zurücksetzung am Telefon ist nicht möglich.</li>
</ul>
<p><strong>Tipp:</strong> Viele Authenticator-Apps bieten eine verschlüsselte Sicherung in der Cloud. Damit wandert der Code beim Handywechsel automatisch mit.</p>`,
    },
    en: {
      title: 'New or lost phone: signing in with two-factor authentication',
      summary: 'How to get back into the back office without your old phone, and how to move the authenticator app.',
      body: `<p>The one-time code for two-factor sign-in lives in the authenticator app on your phone. A new phone does not take it over automatically. Depending on your situation there are three ways forward.</p>
<h2>You still have the old phone</h2>
<ol>
<li>Sign in to the back office using the old phone.</li>
<li>Open <strong>Account → Security → Two-factor authentication → Change device</strong>.</li>
<li>Scan the new QR code with the new phone and confirm with a code. Only then delete the app from the old device.</li>
</ol>
<h2>The old phone is gone, but you have recovery codes</h2>
<p>When asked for the code, click <strong>Use a recovery code</strong> and enter one of your ten codes. Each works once. Afterwards set up the app on your new phone and download fresh codes.</p>
<h2>Neither phone nor codes</h2>
<ul>
<li>If your business has a second person with the "Owner" role, they can reset your 2FA under <strong>Account → Users</strong>.</li>
<li>Otherwise contact support. We verify your identity with a copy of your ID and your latest invoice. This usually takes one working day; we cannot reset 2FA over the phone.</li>
</ul>
<p><strong>Tip:</strong> many authenticator apps offer an encrypted cloud backup, so your codes move with you when you change phones.</p>`,
    },
  },
  {
    key: 'staff-pin-login',
    section: 'sign-in',
    tags: ['login', 'pin', 'staff'],
    related: ['users-and-roles', 'login-problems'],
    de: {
      title: 'Mitarbeitende melden sich an der Kasse mit PIN an',
      summary: 'PIN vergeben, zurücksetzen und was hilft, wenn eine Aushilfe an der Kasse gesperrt ist.',
      body: `<p>An der Kasse melden sich Mitarbeitende nicht mit E-Mail und Passwort an, sondern tippen ihren Namen an und geben eine vierstellige PIN ein. So geht der Wechsel zwischen zwei Kundinnen in Sekunden, und jeder Bon ist der richtigen Person zugeordnet.</p>
<h2>PIN vergeben oder zurücksetzen</h2>
<ol>
<li>Öffnen Sie im Backoffice <strong>Konto → Benutzer</strong> und wählen Sie die Person aus.</li>
<li>Klicken Sie auf <strong>Kassen-PIN zurücksetzen</strong>.</li>
<li>Die Person legt bei der nächsten Anmeldung an der Kasse selbst eine neue PIN fest.</li>
</ol>
<h2>„PIN falsch“ an nur einer Kasse</h2>
<p>Neue oder geänderte Benutzer erreichen die Kassen innerhalb einer Minute, sofern die Kasse online ist. Arbeitet eine Kasse gerade im Offline-Modus, kennt sie die neue PIN erst nach der nächsten Verbindung. An der anderen Kasse klappt es dann meist schon.</p>
<h2>„Benutzer gesperrt“</h2>
<p>Nach fünf falschen PINs sperrt die Kasse den Benutzer. Eine Person mit der Rolle „Schichtleitung“ oder „Inhaber“ hebt die Sperre direkt an der Kasse auf: Namen lange antippen, dann <strong>Entsperren</strong>. Alternativ im Backoffice über <strong>Konto → Benutzer → Sperre aufheben</strong>.</p>
<h3>Sicherheitstipps</h3>
<ul>
<li>Keine PINs wie 1234 oder das Geburtsjahr; die Kasse lehnt die zehn häufigsten PINs ab.</li>
<li>Stellen Sie unter <strong>Einstellungen → Sicherheit</strong> eine automatische Abmeldung nach z. B. 2 Minuten Inaktivität ein.</li>
</ul>`,
    },
    en: {
      title: 'Staff sign in at the till with a PIN',
      summary: 'Assign and reset PINs, and what to do when a member of staff is locked out of the till.',
      body: `<p>At the till, staff don't use email and password. They tap their name and enter a four-digit PIN. Switching between two customers takes seconds, and every receipt is linked to the right person.</p>
<h2>Assigning or resetting a PIN</h2>
<ol>
<li>In the back office, open <strong>Account → Users</strong> and pick the person.</li>
<li>Click <strong>Reset till PIN</strong>.</li>
<li>At their next sign-in on the till, they choose a new PIN themselves.</li>
</ol>
<h2>"Wrong PIN" on one till only</h2>
<p>New or changed users reach the tills within a minute, as long as the till is online. If a till is working in offline mode, it only learns the new PIN after it reconnects. The other till usually already accepts it.</p>
<h2>"User locked"</h2>
<p>After five wrong PINs the till locks the user. Someone with the "Shift lead" or "Owner" role can unlock them right at the till: long-press the name, then <strong>Unlock</strong>. Alternatively, use <strong>Account → Users → Remove lock</strong> in the back office.</p>
<h3>Security tips</h3>
<ul>
<li>Avoid PINs like 1234 or a year of birth; the till rejects the ten most common PINs.</li>
<li>Under <strong>Settings → Security</strong>, set automatic sign-out after, say, 2 minutes of inactivity.</li>
</ul>`,
    },
  },
  {
    key: 'users-and-roles',
    section: 'users-roles',
    tags: ['users', 'roles', 'permissions'],
    related: ['staff-pin-login', 'two-factor-setup'],
    de: {
      title: 'Benutzer anlegen und Rollen vergeben',
      summary: 'Wer darf stornieren, Preise ändern oder Rechnungen sehen? Die vier Rollen und wie Sie sie anpassen.',
      body: `<p>Jede Person, die an der Kasse arbeitet oder das Backoffice nutzt, bekommt einen eigenen Benutzer. Teilen Sie keine Zugänge: Nur so wissen Sie bei einer Kassendifferenz oder einer Prüfung, wer welchen Beleg gebucht hat.</p>
<h2>Die Rollen</h2>
<table>
<tr><th>Rolle</th><th>Darf</th></tr>
<tr><td>Aushilfe</td><td>kassieren, Gutscheine einlösen</td></tr>
<tr><td>Mitarbeiter</td><td>zusätzlich Retouren bis 50 €, Kassenbestand zählen</td></tr>
<tr><td>Schichtleitung</td><td>zusätzlich Storno, Tagesabschluss, Einlagen und Entnahmen, Benutzer entsperren</td></tr>
<tr><td>Inhaber</td><td>alles, auch Rechnungen, Bankverbindung, Tarif und Benutzerverwaltung</td></tr>
</table>
<h2>Neuen Benutzer anlegen</h2>
<ol>
<li>Öffnen Sie <strong>Konto → Benutzer → Neuer Benutzer</strong>.</li>
<li>Tragen Sie den Namen ein. Eine E-Mail-Adresse brauchen Sie nur, wenn die Person auch ins Backoffice soll.</li>
<li>Wählen Sie Rolle und Filiale(n) und speichern Sie.</li>
</ol>
<h2>Rollen anpassen</h2>
<p>Unter <strong>Konto → Benutzer → Rollen</strong> ändern Sie, was eine Rolle darf, etwa die Grenze für Retouren oder ob Rabatte von Hand vergeben werden dürfen. Änderungen gelten sofort für alle Personen mit dieser Rolle.</p>
<h3>Wenn jemand den Betrieb verlässt</h3>
<p>Deaktivieren Sie den Benutzer, statt ihn zu löschen. Die Belege bleiben so der Person zugeordnet, wie es die GoBD verlangen, und die Lizenz zählt nicht mehr.</p>`,
    },
    en: {
      title: 'Adding users and assigning roles',
      summary: 'Who may void, change prices or see invoices? The four roles and how to adjust them.',
      body: `<p>Everyone who works at the till or uses the back office gets their own user. Don't share logins: only then will you know who booked which receipt when the cash doesn't add up or an inspector asks.</p>
<h2>The roles</h2>
<table>
<tr><th>Role</th><th>May</th></tr>
<tr><td>Temporary staff</td><td>take payments, redeem vouchers</td></tr>
<tr><td>Staff</td><td>also refunds up to €50, count the cash drawer</td></tr>
<tr><td>Shift lead</td><td>also voids, end of day, cash in and out, unlock users</td></tr>
<tr><td>Owner</td><td>everything, including invoices, bank details, plan and user management</td></tr>
</table>
<h2>Adding a user</h2>
<ol>
<li>Open <strong>Account → Users → New user</strong>.</li>
<li>Enter the name. An email address is only needed if the person should also use the back office.</li>
<li>Choose the role and location(s), then save.</li>
</ol>
<h2>Adjusting roles</h2>
<p>Under <strong>Account → Users → Roles</strong> you can change what a role may do, such as the refund limit or whether manual discounts are allowed. Changes apply immediately to everyone with that role.</p>
<h3>When someone leaves</h3>
<p>Deactivate the user rather than deleting them. Their receipts stay linked to them, as German bookkeeping rules require, and they no longer count towards your licence.</p>`,
    },
  },
  {
    key: 'gdpr-data-request',
    section: 'privacy',
    tags: ['gdpr', 'privacy', 'data-request'],
    related: ['data-processing-agreement', 'cancel-contract'],
    de: {
      title: 'Auskunft, Berichtigung und Löschung nach DSGVO',
      summary: 'So beantragen Sie eine Datenauskunft oder Löschung, und wie Sie Anfragen Ihrer eigenen Kundschaft beantworten.',
      body: `<p>Bei Datenschutzanfragen gibt es zwei Fälle, die man leicht verwechselt: Anfragen zu <strong>Ihren</strong> Daten als unser Kunde und Anfragen <strong>Ihrer Kundinnen und Kunden</strong> zu Daten, die Sie in der Kasse speichern.</p>
<h2>Auskunft über Ihre Daten bei uns</h2>
<ol>
<li>Schreiben Sie an datenschutz@demo.servus.example, und zwar von der E-Mail-Adresse, die in Ihrem Konto hinterlegt ist. So können wir Ihre Identität ohne weitere Nachweise bestätigen.</li>
<li>Wir stellen die Auskunft innerhalb eines Monats als PDF im Kundenportal unter <strong>Dokumente</strong> bereit, meist schon nach wenigen Tagen.</li>
</ol>
<h2>Löschung</h2>
<p>Personenbezogene Daten löschen wir auf Anfrage, soweit keine gesetzliche Aufbewahrungspflicht besteht. Für Rechnungen und Kassendaten gelten gesetzliche Aufbewahrungsfristen von bis zu zehn Jahren; solche Daten sperren wir stattdessen für jede andere Nutzung.</p>
<h2>Anfragen Ihrer Kundschaft</h2>
<p>Speichern Sie Kundendaten in der Kasse, etwa für Stempelkarten oder Rechnungen auf Firmennamen, sind Sie selbst verantwortlich. Im Backoffice finden Sie unter <strong>Kunden → Kunde öffnen → Datenauskunft</strong> einen Export aller gespeicherten Angaben als PDF und die Funktion <strong>Anonymisieren</strong>. Belege bleiben dabei erhalten, der Name wird entfernt.</p>
<h3>Fristen</h3>
<p>Die gesetzliche Frist für eine Antwort beträgt einen Monat. Bei komplexen Anfragen lässt sie sich um zwei Monate verlängern, wenn Sie die Person vorher informieren.</p>`,
    },
    en: {
      title: 'GDPR access, correction and erasure requests',
      summary: 'How to request a copy of your data or its deletion, and how to answer requests from your own customers.',
      body: `<p>Data protection requests come in two kinds that are easy to mix up: requests about <strong>your</strong> data as our customer, and requests from <strong>your customers</strong> about data you keep in the till.</p>
<h2>A copy of the data we hold about you</h2>
<ol>
<li>Write to datenschutz@demo.servus.example from the email address stored in your account. That lets us confirm your identity without further proof.</li>
<li>We provide the information as a PDF in the customer portal under <strong>Documents</strong> within one month, usually within a few days.</li>
</ol>
<h2>Erasure</h2>
<p>We delete personal data on request unless the law requires us to keep it. Invoices and till data are subject to legal retention periods of up to ten years; instead of deleting those we block them from any other use.</p>
<h2>Requests from your customers</h2>
<p>If you store customer details in the till, for loyalty cards or invoices to a company name, for example, you are the one responsible. In the back office, <strong>Customers → open a customer → Data request</strong> exports everything stored about them as a PDF, and <strong>Anonymise</strong> removes their name while keeping the receipts.</p>
<h3>Deadlines</h3>
<p>The legal deadline for an answer is one month. For complex requests it can be extended by two months if you tell the person beforehand.</p>`,
    },
  },
  {
    key: 'data-processing-agreement',
    section: 'privacy',
    tags: ['gdpr', 'contract', 'dpa'],
    related: ['gdpr-data-request'],
    de: {
      title: 'Vertrag zur Auftragsverarbeitung (AVV) herunterladen',
      summary: 'Den unterschriebenen AV-Vertrag für Ihre Datenschutz-Dokumentation abrufen, ohne Papierkram.',
      body: `<p>Weil wir in Ihrem Auftrag Daten verarbeiten, etwa Namen auf Belegen oder Kundendaten für Rechnungen, brauchen Sie nach Art. 28 DSGVO einen Vertrag zur Auftragsverarbeitung mit uns. Den müssen Sie weder anfordern noch ausdrucken und zurückschicken.</p>
<h2>So kommen Sie an den Vertrag</h2>
<ol>
<li>Öffnen Sie im Backoffice <strong>Verträge → Auftragsverarbeitung</strong>.</li>
<li>Prüfen Sie Firmenname und Anschrift. Sie werden aus Ihren Stammdaten übernommen; falsche Angaben korrigieren Sie unter <strong>Konto → Unternehmensdaten</strong>.</li>
<li>Klicken Sie auf <strong>Vertrag abschließen</strong>. Sie erhalten ein PDF, das von uns bereits elektronisch unterschrieben ist.</li>
</ol>
<p>Der Vertrag ist auch ohne Ihre handschriftliche Unterschrift wirksam, denn die Textform genügt. Legen Sie das PDF einfach zu Ihrem Verzeichnis der Verarbeitungstätigkeiten.</p>
<h2>Was drinsteht</h2>
<ul>
<li>Die Anlage „Technische und organisatorische Maßnahmen“ beschreibt, wie wir Ihre Daten schützen.</li>
<li>Die Liste der Unterauftragsverarbeiter nennt unsere Rechenzentren (ausschließlich in Deutschland) und den Zahlungsdienstleister für Kartenzahlungen.</li>
<li>Über Änderungen an dieser Liste informieren wir Sie mindestens 30 Tage vorher per E-Mail.</li>
</ul>
<h3>Eigene Vorlage Ihres Unternehmens?</h3>
<p>Für Enterprise-Kunden prüfen wir auch eigene Vertragsvorlagen. Das dauert erfahrungsgemäß zwei bis vier Wochen.</p>`,
    },
    en: {
      title: 'Downloading the data processing agreement (DPA)',
      summary: 'Get the signed DPA for your data protection records, without any paperwork.',
      body: `<p>Because we process data on your behalf, such as names on receipts or customer details for invoices, Art. 28 GDPR requires a data processing agreement between us. You don't have to request it, print it or send it back.</p>
<h2>Getting the agreement</h2>
<ol>
<li>In the back office, open <strong>Contracts → Data processing</strong>.</li>
<li>Check the company name and address. They come from your account details; correct anything wrong under <strong>Account → Company details</strong>.</li>
<li>Click <strong>Conclude agreement</strong>. You receive a PDF that we have already signed electronically.</li>
</ol>
<p>The agreement is valid without your handwritten signature, as text form is sufficient. Simply file the PDF with your record of processing activities.</p>
<h2>What it contains</h2>
<ul>
<li>The annex "Technical and organisational measures" describes how we protect your data.</li>
<li>The list of sub-processors names our data centres (all in Germany) and the payment provider for card payments.</li>
<li>We notify you of changes to that list by email at least 30 days in advance.</li>
</ul>
<h3>Your company's own template?</h3>
<p>For Enterprise customers we also review your own contract templates. In our experience this takes two to four weeks.</p>`,
    },
  },
];
