/**
 * Whether a visitor's message asks for a person instead of the bot. A word like "Mitarbeiter"
 * alone is not enough ("Wie lege ich einen neuen Mitarbeiter an?" is a question for the help
 * center): it counts in a short request ("Mitarbeiter bitte", "human") or together with a verb
 * of talking ("Ich möchte mit einem Menschen sprechen", "let me talk to an agent").
 */

const PERSON = new Set([
  'mitarbeiter', 'mitarbeiterin', 'mensch', 'menschen', 'person', 'agent', 'agentin', 'human', 'kollege', 'kollegin',
  'berater', 'beraterin', 'kundenberater', 'kundenberaterin', 'jemand', 'jemanden', 'jemandem', 'operator',
  'representative', 'someone', 'somebody',
]);

const TALK = new Set([
  'sprechen', 'reden', 'chatten', 'verbinden', 'verbunden', 'weiterleiten', 'schreiben', 'telefonieren',
  'talk', 'speak', 'chat', 'connect',
]);

/** A request this short that names a person is a request for one. */
const SHORT = 5;

export function asksForHuman(text: string): boolean {
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!words.some((w) => PERSON.has(w))) return false;
  return words.length <= SHORT || words.some((w) => TALK.has(w));
}
