/** The widget's wording in English and German (German addresses the visitor with "Sie"). */
const en = {
  title: 'Chat with us',
  close: 'Close chat',
  greeting: 'Hi! How can we help you?',
  offlineIntro: 'We are not online right now. Leave us a message and we will answer by email.',
  loading: 'Loading…',
  unavailable: 'The chat is not available on this page.',
  retry: 'Try again',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  waiting: 'Waiting for the next free agent…',
  joined: '{name} joined the chat',
  ended: 'This chat has ended.',
  newChat: 'Start a new chat',
  endChat: 'End chat',
  typing: '{name} is typing…',
  you: 'You',
  messages: 'Messages',
  messageLabel: 'Your message',
  messagePlaceholder: 'Write a message…',
  send: 'Send',
  sending: 'Sending',
  sent: 'Sent',
  read: 'Read',
  attach: 'Attach a file',
  removeFile: 'Remove {name}',
  uploading: 'Uploading {name}…',
  emoji: 'Insert an emoji',
  emojiList: 'Emoji',
  fileTooLarge: '{name} is larger than {max}.',
  fileType: 'Files of this type cannot be sent: {name}.',
  uploadFailed: 'The file could not be uploaded. Please try again.',
  tooLong: 'Please keep your message under {max} characters.',
  sendFailed: 'Your message could not be sent: {reason}',
  rateLimited: 'You are sending messages too fast. Please wait a moment.',
  preChatIntro: 'Before we start, please tell us a little about you.',
  name: 'Name',
  email: 'Email',
  topic: 'Topic',
  chooseTopic: 'Choose a topic',
  optional: '(optional)',
  startChat: 'Start chat',
  required: 'Please fill in this field.',
  invalidEmail: 'Please enter a valid email address.',
  message: 'Message',
  sendMessage: 'Send message',
  offlineThanks: 'Thank you! We received your message and will answer by email to {email}.',
  transcript: 'Email me the transcript',
  transcriptEmail: 'Send the transcript to',
  transcriptSend: 'Send transcript',
  transcriptSent: 'The transcript is on its way to your inbox.',
  cancel: 'Cancel',
  failed: 'Something went wrong. Please try again.',
  newMessage: 'New message from {name}',
  attachment: 'Attachment: {name}',
};

export type TextKey = keyof typeof en;

const de: Record<TextKey, string> = {
  title: 'Chatten Sie mit uns',
  close: 'Chat schließen',
  greeting: 'Hallo! Wie können wir Ihnen helfen?',
  offlineIntro: 'Wir sind gerade nicht online. Hinterlassen Sie uns eine Nachricht, wir antworten per E-Mail.',
  loading: 'Wird geladen …',
  unavailable: 'Der Chat ist auf dieser Seite nicht verfügbar.',
  retry: 'Erneut versuchen',
  connecting: 'Verbindung wird aufgebaut …',
  reconnecting: 'Verbindung unterbrochen. Neuer Versuch …',
  waiting: 'Sie werden mit dem nächsten freien Mitarbeiter verbunden …',
  joined: '{name} ist dem Chat beigetreten',
  ended: 'Dieser Chat wurde beendet.',
  newChat: 'Neuen Chat beginnen',
  endChat: 'Chat beenden',
  typing: '{name} schreibt …',
  you: 'Sie',
  messages: 'Nachrichten',
  messageLabel: 'Ihre Nachricht',
  messagePlaceholder: 'Nachricht schreiben …',
  send: 'Senden',
  sending: 'Wird gesendet',
  sent: 'Gesendet',
  read: 'Gelesen',
  attach: 'Datei anhängen',
  removeFile: '{name} entfernen',
  uploading: '{name} wird hochgeladen …',
  emoji: 'Emoji einfügen',
  emojiList: 'Emojis',
  fileTooLarge: '{name} ist größer als {max}.',
  fileType: 'Dateien dieses Typs können nicht gesendet werden: {name}.',
  uploadFailed: 'Die Datei konnte nicht hochgeladen werden. Bitte versuchen Sie es erneut.',
  tooLong: 'Bitte schreiben Sie weniger als {max} Zeichen.',
  sendFailed: 'Ihre Nachricht konnte nicht gesendet werden: {reason}',
  rateLimited: 'Sie senden zu viele Nachrichten. Bitte warten Sie einen Moment.',
  preChatIntro: 'Bevor es losgeht: Bitte erzählen Sie uns kurz, wer Sie sind.',
  name: 'Name',
  email: 'E-Mail',
  topic: 'Thema',
  chooseTopic: 'Thema auswählen',
  optional: '(optional)',
  startChat: 'Chat beginnen',
  required: 'Bitte füllen Sie dieses Feld aus.',
  invalidEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  message: 'Nachricht',
  sendMessage: 'Nachricht senden',
  offlineThanks: 'Vielen Dank! Wir haben Ihre Nachricht erhalten und antworten per E-Mail an {email}.',
  transcript: 'Verlauf per E-Mail senden',
  transcriptEmail: 'Verlauf senden an',
  transcriptSend: 'Verlauf senden',
  transcriptSent: 'Der Verlauf ist unterwegs in Ihr Postfach.',
  cancel: 'Abbrechen',
  failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  newMessage: 'Neue Nachricht von {name}',
  attachment: 'Anhang: {name}',
};

export type Locale = 'en' | 'de';
export type Translate = (key: TextKey, vars?: Record<string, string | number>) => string;

/** The wording for one language; `{name}` placeholders are filled from `vars`. */
export function translator(locale: Locale): Translate {
  const table: Record<TextKey, string> = locale === 'de' ? de : en;
  return (key, vars) => table[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? `{${k}}`));
}

/** "2.5 MB", "800 KB" in the visitor's language. */
export function formatBytes(bytes: number, locale: Locale): string {
  const fmt = (n: number) => n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-US', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export const TEXTS = { en, de };
