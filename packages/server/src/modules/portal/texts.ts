import type { TicketView } from '../tickets/repository.ts';

export type Lang = 'en' | 'de';

/** The portal's language for a locale or Accept-Language value: German for `de…`, else English. */
export function langOf(locale: string | null | undefined): Lang | null {
  const l = locale?.trim().toLowerCase();
  if (!l) return null;
  if (l.startsWith('de')) return 'de';
  if (l.startsWith('en')) return 'en';
  return null;
}

/** The first language of an Accept-Language header the portal speaks, or null. */
export function acceptedLang(header: string | undefined): Lang | null {
  for (const part of (header ?? '').split(',').slice(0, 20)) {
    const l = langOf(part.split(';')[0]);
    if (l) return l;
  }
  return null;
}

/** What a customer reads as a ticket's status: four words instead of six internal states. */
export type CustomerStatus = 'open' | 'waiting' | 'solved' | 'closed';

export function customerStatus(status: TicketView['status']): CustomerStatus {
  if (status === 'pending') return 'waiting';
  if (status === 'solved') return 'solved';
  if (status === 'closed') return 'closed';
  return 'open';
}

const en = {
  portal: 'My requests',
  signInTitle: 'Sign in',
  signInHeading: 'Sign in to see your requests',
  signInIntro: 'Enter the email address you write to us from. We will send you a link to sign in – no password needed.',
  emailLabel: 'Email address',
  sendLink: 'Email me a sign-in link',
  invalidEmail: 'Please enter a valid email address, e.g. name@example.com.',
  linkSentTitle: 'Check your email',
  linkSent: 'If we know this address, a sign-in link is on its way.',
  linkSentHint: 'The link works once and for 15 minutes. Nothing arrived? Look in your spam folder, or ask for a new link.',
  askAgain: 'Ask for a new link',
  signedOut: 'You are signed out.',
  confirmTitle: 'Sign in',
  confirmBody: 'Click the button to sign in and see your requests.',
  confirmButton: 'Sign in',
  expiredTitle: 'This link has expired or was already used',
  expiredBody: 'Sign-in links work once and for 15 minutes. Ask for a new one here:',
  staleTitle: 'This page has expired',
  staleBody: 'For your security, the form was not sent. Go back, reload the page and try again.',
  staleSignIn: 'For your security, you were not signed in. Open the link from your email again.',
  rateTitle: 'Too many requests',
  rateBody: (minutes: number) => `Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
  unavailableTitle: 'Sign-in links cannot be sent right now',
  unavailableBody: 'The portal cannot send email at the moment. Please try again later, or write to us by email.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'This page does not exist, or it is not available to you.',
  backToList: 'Back to my requests',
  errorTitle: 'Something went wrong',
  errorBody: (ref: string) => `Please try again in a moment. If it keeps happening, tell us this reference: ${ref}`,
  tooLargeTitle: 'Your message is too long',
  tooLargeBody: 'Please shorten it and send it again.',
  myRequests: 'My requests',
  myOrganization: 'My organization',
  newRequest: 'New request',
  signOut: 'Sign out',
  filterLabel: 'Show',
  all: 'All',
  open: 'Open',
  solved: 'Solved',
  colNumber: 'No.',
  colSubject: 'Subject',
  colStatus: 'Status',
  colRequester: 'Requested by',
  colUpdated: 'Last update',
  emptyMine: 'You have no requests yet.',
  emptyOrg: 'Your organization has no requests yet.',
  emptyOpen: 'No open requests.',
  emptySolved: 'No solved requests.',
  newer: '← Newer',
  older: 'Older →',
  pageOf: (p: number, n: number) => `Page ${p} of ${n}`,
  pagination: 'Pages',
  you: 'You',
  status: { open: 'Open', waiting: 'Waiting for your reply', solved: 'Solved', closed: 'Closed' } satisfies Record<CustomerStatus, string>,
  /** "Waiting" on a colleague's request: the answer is theirs to give. */
  waitingOther: 'Waiting for the requester',
  opened: 'Opened',
  requestedBy: (name: string) => `Requested by ${name}`,
  conversation: 'Conversation',
  noMessages: 'There are no messages to show yet.',
  attachments: 'Attachments',
  replyLabel: 'Your reply',
  sendReply: 'Send reply',
  replySent: 'Your reply was sent.',
  created: 'Thank you! We have received your request and will get back to you.',
  solvedHint: 'This request is solved. If you reply, we will reopen it.',
  closedNotice: 'This request is closed. If you need more help, please open a new request.',
  mergedNotice: 'This request was combined with another one and is closed here.',
  emptyMessage: 'Please write a message.',
  emptySubject: 'Please enter a subject.',
  tooLong: (n: number) => `Please use at most ${n.toLocaleString('en')} characters.`,
  errorSummary: 'Please correct the marked fields.',
  newTitle: 'New request',
  subjectLabel: 'Subject',
  messageLabel: 'How can we help?',
  submitRequest: 'Send request',
  mailSubject: (site: string) => `Your sign-in link for ${site}`,
  mailGreeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
  mailBody: (site: string) => `use this link to sign in to ${site} and see your requests:`,
  mailButton: 'Sign in',
  mailNote: 'The link works once and for 15 minutes. If you did not ask for it, you can ignore this email: without the link, nobody can sign in.',
};

const de: typeof en = {
  portal: 'Meine Anfragen',
  signInTitle: 'Anmelden',
  signInHeading: 'Melden Sie sich an, um Ihre Anfragen zu sehen',
  signInIntro: 'Geben Sie die E-Mail-Adresse ein, mit der Sie uns schreiben. Wir senden Ihnen einen Link zur Anmeldung – ganz ohne Passwort.',
  emailLabel: 'E-Mail-Adresse',
  sendLink: 'Anmeldelink senden',
  invalidEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
  linkSentTitle: 'Bitte sehen Sie in Ihr Postfach',
  linkSent: 'Wenn uns diese Adresse bekannt ist, ist ein Anmeldelink unterwegs.',
  linkSentHint: 'Der Link gilt einmal und 15 Minuten lang. Nichts angekommen? Sehen Sie im Spam-Ordner nach, oder fordern Sie einen neuen Link an.',
  askAgain: 'Neuen Link anfordern',
  signedOut: 'Sie sind abgemeldet.',
  confirmTitle: 'Anmelden',
  confirmBody: 'Klicken Sie auf die Schaltfläche, um sich anzumelden und Ihre Anfragen zu sehen.',
  confirmButton: 'Anmelden',
  expiredTitle: 'Dieser Link ist abgelaufen oder wurde bereits verwendet',
  expiredBody: 'Anmeldelinks gelten einmal und 15 Minuten lang. Fordern Sie hier einen neuen an:',
  staleTitle: 'Diese Seite ist abgelaufen',
  staleBody: 'Zu Ihrer Sicherheit wurde das Formular nicht gesendet. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.',
  staleSignIn: 'Zu Ihrer Sicherheit wurden Sie nicht angemeldet. Öffnen Sie den Link aus Ihrer E-Mail noch einmal.',
  rateTitle: 'Zu viele Anfragen',
  rateBody: (minutes: number) => `Bitte warten Sie ${minutes === 1 ? 'eine Minute' : `${minutes} Minuten`} und versuchen Sie es dann noch einmal.`,
  unavailableTitle: 'Anmeldelinks können gerade nicht verschickt werden',
  unavailableBody: 'Das Portal kann im Moment keine E-Mails versenden. Bitte versuchen Sie es später noch einmal, oder schreiben Sie uns eine E-Mail.',
  notFoundTitle: 'Seite nicht gefunden',
  notFoundBody: 'Diese Seite gibt es nicht, oder sie ist für Sie nicht verfügbar.',
  backToList: 'Zurück zu meinen Anfragen',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorBody: (ref: string) => `Bitte versuchen Sie es gleich noch einmal. Wenn es wieder passiert, nennen Sie uns diese Kennung: ${ref}`,
  tooLargeTitle: 'Ihre Nachricht ist zu lang',
  tooLargeBody: 'Bitte kürzen Sie sie und senden Sie sie noch einmal.',
  myRequests: 'Meine Anfragen',
  myOrganization: 'Meine Organisation',
  newRequest: 'Neue Anfrage',
  signOut: 'Abmelden',
  filterLabel: 'Anzeigen',
  all: 'Alle',
  open: 'Offen',
  solved: 'Gelöst',
  colNumber: 'Nr.',
  colSubject: 'Betreff',
  colStatus: 'Status',
  colRequester: 'Angefragt von',
  colUpdated: 'Letzte Änderung',
  emptyMine: 'Sie haben noch keine Anfragen.',
  emptyOrg: 'Ihre Organisation hat noch keine Anfragen.',
  emptyOpen: 'Keine offenen Anfragen.',
  emptySolved: 'Keine gelösten Anfragen.',
  newer: '← Neuere',
  older: 'Ältere →',
  pageOf: (p: number, n: number) => `Seite ${p} von ${n}`,
  pagination: 'Seiten',
  you: 'Sie',
  status: { open: 'Offen', waiting: 'Wartet auf Ihre Antwort', solved: 'Gelöst', closed: 'Geschlossen' },
  waitingOther: 'Wartet auf die anfragende Person',
  opened: 'Eröffnet am',
  requestedBy: (name: string) => `Angefragt von ${name}`,
  conversation: 'Verlauf',
  noMessages: 'Es gibt noch keine Nachrichten.',
  attachments: 'Anhänge',
  replyLabel: 'Ihre Antwort',
  sendReply: 'Antwort senden',
  replySent: 'Ihre Antwort wurde gesendet.',
  created: 'Vielen Dank! Wir haben Ihre Anfrage erhalten und melden uns bei Ihnen.',
  solvedHint: 'Diese Anfrage ist gelöst. Wenn Sie antworten, öffnen wir sie wieder.',
  closedNotice: 'Diese Anfrage ist abgeschlossen. Wenn Sie weitere Hilfe brauchen, stellen Sie bitte eine neue Anfrage.',
  mergedNotice: 'Diese Anfrage wurde mit einer anderen zusammengeführt und ist hier abgeschlossen.',
  emptyMessage: 'Bitte schreiben Sie eine Nachricht.',
  emptySubject: 'Bitte geben Sie einen Betreff ein.',
  tooLong: (n: number) => `Bitte verwenden Sie höchstens ${n.toLocaleString('de')} Zeichen.`,
  errorSummary: 'Bitte korrigieren Sie die markierten Felder.',
  newTitle: 'Neue Anfrage',
  subjectLabel: 'Betreff',
  messageLabel: 'Wie können wir helfen?',
  submitRequest: 'Anfrage senden',
  mailSubject: (site: string) => `Ihr Anmeldelink für ${site}`,
  mailGreeting: (name: string) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  mailBody: (site: string) => `mit diesem Link melden Sie sich bei ${site} an und sehen Ihre Anfragen:`,
  mailButton: 'Anmelden',
  mailNote: 'Der Link gilt einmal und 15 Minuten lang. Wenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren: Ohne den Link kann sich niemand anmelden.',
};

export type PortalTexts = typeof en;

/** Every text of the portal's pages and mails in one language. */
export function textsFor(l: Lang): PortalTexts {
  return l === 'de' ? de : en;
}

/** A date and time as the customer reads it, in their language and time zone. */
export function formatDate(d: Date, l: Lang, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(l === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(l === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  }
}
