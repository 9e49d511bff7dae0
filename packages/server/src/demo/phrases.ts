import type { Lang } from './names.ts';
import type { Random } from './random.ts';

/** What any ticket can say, whatever its topic. */
interface CommonPhrases {
  customerGreetings: readonly string[];
  customerSignOffs: readonly string[];
  agentGreetings: readonly string[];
  agentSignOffs: readonly string[];
  /** An agent's reply that leaves the ticket open while they look into it. */
  working: readonly string[];
  /** An agent's second question: please try again and confirm. */
  checkBack: readonly string[];
  /** An agent's second solution after the first did not hold. */
  solvedAgain: readonly string[];
  /** A customer asking whether anything happened. */
  nudges: readonly string[];
  /** A customer reporting that a solved problem is back. */
  stillBroken: readonly string[];
  /** A customer's last word after a solution. */
  thanks: readonly string[];
  /** A customer writing again about a request that has no answer yet. */
  duplicates: readonly string[];
  /** The subject of such a second message. */
  duplicateSubject: string;
  /** An internal note when 1st Level hands a ticket to Technical. */
  escalations: readonly string[];
  /** Internal notes that fit any ticket. */
  notes: readonly string[];
  /** A phone log quoting the caller. */
  callFrom: string;
}

const PHRASES: Record<Lang, CommonPhrases> = {
  de: {
    customerGreetings: ['Hallo,', 'Guten Tag,', 'Hallo zusammen,', 'Sehr geehrte Damen und Herren,', 'Moin,', 'Hallo liebes Support-Team,'],
    customerSignOffs: ['Viele Grüße\n{full}', 'Beste Grüße\n{first}', 'Mit freundlichen Grüßen\n{full}\n{org}', 'Danke und Gruß\n{first} {last}'],
    agentGreetings: ['Hallo {first} {last},', 'Guten Tag {first} {last},', 'Hallo {first},'],
    agentSignOffs: ['Viele Grüße\n{agent}\n{team}', 'Beste Grüße aus dem Support\n{agent}', 'Freundliche Grüße\n{agent}\n{team}'],
    working: [
      'vielen Dank für Ihre Nachricht. Wir schauen uns das gerade genauer an und melden uns, sobald wir mehr wissen.',
      'danke für den Hinweis! Ich habe das an die zuständigen Kolleginnen und Kollegen weitergegeben und halte Sie auf dem Laufenden.',
    ],
    checkBack: [
      'danke für Ihre Rückmeldung! Wir haben alles Nötige veranlasst. Geben Sie uns bitte kurz Bescheid, ob damit alles erledigt ist?',
      'wir haben das noch einmal angepasst. Sagen Sie uns bitte, ob es bei Ihnen jetzt passt.',
    ],
    solvedAgain: [
      'wir haben uns das noch einmal genau angesehen und nachgebessert. Jetzt sollte alles erledigt sein; falls nicht, melden Sie sich gern.',
      'entschuldigen Sie bitte die Umstände! Wir haben das jetzt abschließend geklärt.',
    ],
    nudges: ['Gibt es hierzu schon Neuigkeiten?', 'Ich wollte kurz nach dem Stand fragen. Es ist für uns leider dringend.'],
    stillBroken: [
      'danke für die Antwort, aber bei uns hat sich leider noch nichts geändert.',
      'leider ist das Thema für uns noch nicht erledigt, es ist alles wie vorher.',
    ],
    thanks: ['Vielen Dank, damit ist alles erledigt!', 'Super, danke für die schnelle Hilfe!', 'Perfekt, herzlichen Dank.'],
    duplicates: [
      'ich hatte Ihnen vorhin schon geschrieben, aber noch keine Eingangsbestätigung bekommen. Es geht immer noch um folgendes Problem:',
      'sicherheitshalber noch einmal, falls meine erste Nachricht nicht angekommen ist:',
    ],
    duplicateSubject: 'Nochmal: {subject}',
    escalations: ['Sieht nach einem Fehler auf unserer Seite aus, gebe an die Technik ab.', 'Kann ich im 1st Level nicht lösen, bitte Technik übernehmen. Schritte zum Nachstellen stehen oben.'],
    notes: ['Kunde war am Telefon sehr verärgert, bitte zügig bearbeiten.', 'Im Backoffice nachgesehen: Vertrag aktiv, keine offenen Posten.', 'Ähnlicher Fall letzte Woche, siehe Tickets mit demselben Tag.'],
    callFrom: 'Anruf von {full}{org}. Anliegen: „{body}“',
  },
  en: {
    customerGreetings: ['Hi,', 'Hello,', 'Hi there,', 'Dear Support team,', 'Good morning,', 'Hello team,'],
    customerSignOffs: ['Thanks,\n{first}', 'Best regards,\n{full}\n{org}', 'Cheers,\n{first}', 'Kind regards,\n{full}'],
    agentGreetings: ['Hi {first},', 'Hello {first},', 'Dear {first} {last},'],
    agentSignOffs: ['Kind regards,\n{agent}\n{team}', 'Best wishes,\n{agent}', 'All the best,\n{agent}\n{team}'],
    working: [
      "thanks for getting in touch. We're looking into this now and will get back to you as soon as we know more.",
      "thanks for letting us know! I've passed this on to the right colleagues and will keep you posted.",
    ],
    checkBack: [
      "thanks for getting back to us! We've set everything in motion. Could you let us know whether that settles it for you?",
      "we've made another change. Please tell us whether it works for you now.",
    ],
    solvedAgain: [
      'we took another close look and made a further correction. Everything should be sorted now; if not, just let us know.',
      'sorry for the trouble! We have now cleared this up for good.',
    ],
    nudges: ['Is there any news on this?', "Just checking in on the status, it's quite urgent for us."],
    stillBroken: ['thanks for the reply, but unfortunately nothing has changed on our side.', "I'm afraid this isn't sorted for us yet, everything is the same as before."],
    thanks: ['Thank you, that sorts it!', 'Great, thanks for the quick help!', 'Perfect, many thanks.'],
    duplicates: [
      "I wrote to you earlier but haven't received a confirmation yet. It's still about this problem:",
      "sending this again in case my first message didn't get through:",
    ],
    duplicateSubject: 'Follow-up: {subject}',
    escalations: ['Looks like a bug on our side, handing over to Technical.', "Can't solve this in 1st level, Technical please take over. Steps to reproduce are above."],
    notes: ['Customer was very upset on the phone, please handle quickly.', 'Checked the back office: contract active, nothing overdue.', 'Similar case last week, see tickets with the same tag.'],
    callFrom: 'Call from {full}{org}. They said: "{body}"',
  },
};

/** The common phrases of a language. */
export function phrases(lang: Lang): CommonPhrases {
  return PHRASES[lang];
}

/** Who a message is from or to, for greetings and signatures. */
export interface Person {
  first: string;
  last: string;
  full: string;
  org: string;
}

function fillPerson(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => vars[key] ?? '').replace(/\n+$/, '').trimEnd();
}

/** How one person greets and signs off; chosen once per ticket so a thread reads consistently. */
export interface Voice {
  greeting: string;
  signOff: string;
}

/** A customer's way of writing in this ticket. */
export function customerVoice(rng: Random, lang: Lang): Voice {
  return { greeting: rng.pick(PHRASES[lang].customerGreetings), signOff: rng.pick(PHRASES[lang].customerSignOffs) };
}

/** An agent's way of writing in this ticket. */
export function agentVoice(rng: Random, lang: Lang): Voice {
  return { greeting: rng.pick(PHRASES[lang].agentGreetings), signOff: rng.pick(PHRASES[lang].agentSignOffs) };
}

/** A customer's message: chat lines come bare, everything else with greeting and signature. */
export function customerText(lang: Lang, chat: boolean, body: string, from: Person, voice: Voice): string {
  if (chat) return capitalize(body);
  return `${voice.greeting}\n\n${afterGreeting(lang, body)}\n\n${fillPerson(voice.signOff, { ...from })}`;
}

/** An agent's public reply with greeting and signature; in chat just a short salutation. */
export function agentText(lang: Lang, chat: boolean, body: string, to: Person, agent: { name: string; team: string }, voice: Voice): string {
  const greeting = fillPerson(voice.greeting, { ...to });
  if (chat) return `${greeting} ${body}`;
  const signOff = fillPerson(voice.signOff, { agent: agent.name, team: agent.team });
  return `${greeting}\n\n${afterGreeting(lang, body)}\n\n${signOff}`;
}

/** An agent's log of a phone call, kept as the ticket's first (internal) message. */
export function callLog(lang: Lang, from: Person, body: string): string {
  return fillPerson(PHRASES[lang].callFrom, { full: from.full, org: from.org ? ` (${from.org})` : '', body: capitalize(body) });
}

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The body as it follows "Hallo …," or "Hi …,": German letters go on in lower case after the
 * comma, so bodies are written that way and kept; English ones start with a capital.
 */
function afterGreeting(lang: Lang, body: string): string {
  return lang === 'en' ? capitalize(body) : body;
}
