import type { KbLocale } from '../schema.ts';

/** What the answer bot says, in the visitor's language (German uses "Sie"). */
const TEXTS = {
  de: {
    readMore: 'Mehr dazu',
    moreArticles: 'Weitere Artikel',
    question: 'Hat das Ihre Frage beantwortet?',
    noAnswer: 'Dazu habe ich leider keine passende Antwort gefunden. Ich verbinde Sie mit einer Kollegin oder einem Kollegen – einen Moment bitte.',
    noAnswerOffline: 'Dazu habe ich leider keine passende Antwort gefunden.',
    confirmed: 'Das freut mich! Wenn Sie noch etwas brauchen, schreiben Sie uns einfach wieder.',
    handoverNo: 'Schade, dass das nicht geholfen hat. Ich verbinde Sie mit einer Kollegin oder einem Kollegen – einen Moment bitte.',
    handoverHuman: 'Gern, ich verbinde Sie mit einer Kollegin oder einem Kollegen – einen Moment bitte.',
    offline: 'Gerade ist leider niemand aus unserem Team erreichbar. Hinterlassen Sie uns eine Nachricht, wir antworten Ihnen per E-Mail.',
    emailIntro: 'Vielleicht hilft Ihnen einer dieser Artikel aus unserem Hilfe-Center schon weiter:',
  },
  en: {
    readMore: 'Read more',
    moreArticles: 'More articles',
    question: 'Did this answer your question?',
    noAnswer: "I'm sorry, I couldn't find a good answer to that. I'm passing you on to a colleague – one moment please.",
    noAnswerOffline: "I'm sorry, I couldn't find a good answer to that.",
    confirmed: 'Glad I could help! If you need anything else, just write again.',
    handoverNo: "Sorry that didn't help. I'm passing you on to a colleague – one moment please.",
    handoverHuman: "Of course, I'm passing you on to a colleague – one moment please.",
    offline: 'Nobody from our team is available right now. Leave us a message and we will answer you by email.',
    emailIntro: 'One of these articles from our help center may already help you:',
  },
};

export type BotTexts = (typeof TEXTS)['en'];

export function botTexts(locale: KbLocale): BotTexts {
  return TEXTS[locale];
}

/** The visitor's language for the bot: German when they use it, else English. */
export function botLocale(locale: string | null | undefined): KbLocale {
  return locale === 'de' ? 'de' : 'en';
}
