import type { SurveyKindName } from '@servus/shared';

export type Lang = 'en' | 'de';

/** The language of a contact's locale: German for `de…`, English otherwise. */
export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

const CSAT_LABELS: Record<number, Record<Lang, string[]>> = {
  2: { en: ['Bad, I’m unsatisfied', 'Good, I’m satisfied'], de: ['Schlecht, ich bin unzufrieden', 'Gut, ich bin zufrieden'] },
  3: { en: ['Not good', 'Okay', 'Great'], de: ['Nicht gut', 'Okay', 'Sehr gut'] },
  5: {
    en: ['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    de: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
  },
};

/** The choices of a survey, best last: `[score, label]`. */
export function choices(kind: SurveyKindName, scale: number, l: Lang): [number, string][] {
  if (kind === 'nps') return Array.from({ length: 11 }, (_, i) => [i, String(i)]);
  const labels = CSAT_LABELS[scale]?.[l] ?? CSAT_LABELS[2]![l];
  return labels.map((label, i) => [i + 1, label]);
}

/** Every text of survey mails and pages, in English and German. */
export const surveyText = {
  csatSubject: (l: Lang, number: number) => (l === 'de' ? `Wie zufrieden waren Sie? (Anfrage #${number})` : `How did we do? (request #${number})`),
  csatQuestion: (l: Lang) => (l === 'de' ? 'Wie zufrieden sind Sie mit der Bearbeitung Ihrer Anfrage?' : 'How satisfied are you with how we handled your request?'),
  csatIntro: (l: Lang, subject: string) =>
    l === 'de' ? `Ihre Anfrage „${subject}“ wurde gelöst. Ein Klick genügt für Ihre Bewertung:` : `Your request "${subject}" was solved. One click is all it takes to rate it:`,
  npsSubject: (l: Lang, product: string) => (l === 'de' ? `Würden Sie ${product} weiterempfehlen?` : `Would you recommend ${product}?`),
  npsQuestion: (l: Lang, product: string) =>
    l === 'de'
      ? `Wie wahrscheinlich ist es, dass Sie ${product} einem Freund oder Kollegen empfehlen? (0 = sehr unwahrscheinlich, 10 = sehr wahrscheinlich)`
      : `How likely is it that you would recommend ${product} to a friend or colleague? (0 = not at all likely, 10 = extremely likely)`,
  defaultProduct: (l: Lang) => (l === 'de' ? 'uns' : 'us'),
  cesQuestion: (l: Lang) => (l === 'de' ? 'Das Unternehmen hat es mir leicht gemacht, mein Anliegen zu erledigen.' : 'The company made it easy for me to handle my issue.'),
  cesScale: (l: Lang) => (l === 'de' ? ['Stimme überhaupt nicht zu', 'Stimme voll und ganz zu'] : ['Strongly disagree', 'Strongly agree']),
  expiresNote: (l: Lang, days: number) => (l === 'de' ? `Der Link ist ${days} Tage gültig.` : `The link is valid for ${days} days.`),
  unsubscribe: (l: Lang) => (l === 'de' ? 'Keine Umfragen mehr erhalten' : 'Stop receiving surveys'),
  thanks: (l: Lang) => (l === 'de' ? 'Vielen Dank für Ihre Bewertung!' : 'Thank you for your rating!'),
  recorded: (l: Lang, label: string) => (l === 'de' ? `Ihre Bewertung: ${label}` : `Your rating: ${label}`),
  change: (l: Lang) => (l === 'de' ? 'Bewertung ändern:' : 'Change your rating:'),
  commentLabel: (l: Lang) => (l === 'de' ? 'Möchten Sie uns noch etwas mitteilen? (optional)' : 'Anything you would like to tell us? (optional)'),
  reasonLabel: (l: Lang) => (l === 'de' ? 'Was war ausschlaggebend? (optional)' : 'What mattered most? (optional)'),
  noReason: (l: Lang) => (l === 'de' ? '– bitte wählen –' : '– please choose –'),
  send: (l: Lang) => (l === 'de' ? 'Absenden' : 'Send'),
  saved: (l: Lang) => (l === 'de' ? 'Danke! Ihre Rückmeldung wurde gespeichert.' : 'Thanks! Your feedback has been saved.'),
  expiredTitle: (l: Lang) => (l === 'de' ? 'Diese Umfrage ist abgelaufen' : 'This survey has expired'),
  expiredBody: (l: Lang) =>
    l === 'de' ? 'Vielen Dank für Ihr Interesse. Für diese Umfrage werden keine Antworten mehr angenommen.' : 'Thank you for your interest. This survey no longer takes answers.',
  closedTitle: (l: Lang) => (l === 'de' ? 'Diese Anfrage ist abgeschlossen' : 'This request is closed'),
  closedBody: (l: Lang) =>
    l === 'de' ? 'Die Anfrage wurde geschlossen; eine Bewertung ist nicht mehr möglich.' : 'The request has been closed, so it can no longer be rated.',
  notFoundTitle: (l: Lang) => (l === 'de' ? 'Link nicht gefunden' : 'Link not found'),
  notFoundBody: (l: Lang) => (l === 'de' ? 'Dieser Umfrage-Link ist ungültig.' : 'This survey link is not valid.'),
  unsubscribeTitle: (l: Lang) => (l === 'de' ? 'Abmelden von Umfragen' : 'Unsubscribe from surveys'),
  unsubscribeBody: (l: Lang) =>
    l === 'de' ? 'Möchten Sie keine Umfragen mehr von uns erhalten?' : 'Do you want to stop receiving surveys from us?',
  unsubscribeButton: (l: Lang) => (l === 'de' ? 'Ja, abmelden' : 'Yes, unsubscribe'),
  unsubscribed: (l: Lang) => (l === 'de' ? 'Sie erhalten keine Umfragen mehr von uns.' : 'You will not receive any more surveys from us.'),
  invalidScore: (l: Lang) => (l === 'de' ? 'Diese Bewertung ist nicht möglich.' : 'That rating is not possible.'),
};
