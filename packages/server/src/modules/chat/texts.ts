/** Words the server itself says in a chat, in the visitor's language (German uses "Sie"). */
const TEXTS = {
  en: {
    joined: (name: string) => `${name} joined the chat.`,
    transferredToAgent: (name: string) => `You are now chatting with ${name}.`,
    transferredToTeam: () => 'One moment please, we are passing your chat on to a colleague.',
    ended: () => 'The chat has ended.',
    converted: (email: string) => `We will answer you by email at ${email}.`,
    subject: (who: string, topic: string | null) => `Chat with ${who}${topic ? ` · ${topic}` : ''}`,
    anonymous: (short: string) => `visitor ${short}`,
    offlineSubject: (text: string) => `Offline message: ${text}`,
    transcriptSubject: (channel: string) => `Your chat transcript – ${channel}`,
    transcriptIntro: (channel: string) => `Here is the transcript of your chat with ${channel}.`,
    you: 'You',
  },
  de: {
    joined: (name: string) => `${name} hat den Chat übernommen.`,
    transferredToAgent: (name: string) => `Sie chatten jetzt mit ${name}.`,
    transferredToTeam: () => 'Einen Moment bitte, wir geben Ihren Chat an eine Kollegin oder einen Kollegen weiter.',
    ended: () => 'Der Chat wurde beendet.',
    converted: (email: string) => `Wir antworten Ihnen per E-Mail an ${email}.`,
    subject: (who: string, topic: string | null) => `Chat mit ${who}${topic ? ` · ${topic}` : ''}`,
    anonymous: (short: string) => `Besucher ${short}`,
    offlineSubject: (text: string) => `Offline-Nachricht: ${text}`,
    transcriptSubject: (channel: string) => `Ihr Chatverlauf – ${channel}`,
    transcriptIntro: (channel: string) => `Hier ist der Verlauf Ihres Chats mit ${channel}.`,
    you: 'Sie',
  },
};

export type ChatLocale = keyof typeof TEXTS;

/** The texts for a stored locale; English unless it is German. */
export function chatTexts(locale: string | null | undefined): (typeof TEXTS)['en'] {
  return locale === 'de' ? TEXTS.de : TEXTS.en;
}

/** Text shortened to `max` characters on one line, for subjects and previews. */
export function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
