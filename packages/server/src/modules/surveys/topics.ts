/**
 * Comment topics by plain keyword matching, German and English, so anyone can see why a
 * comment landed in a group: a keyword matches a word that starts with it ("wart" matches
 * "Wartezeit", "slow" matches "slowly"). A comment can be in several groups.
 */
export const SURVEY_TOPICS: Record<string, string[]> = {
  speed: ['slow', 'wait', 'took long', 'too long', 'fast', 'quick', 'delay', 'late', 'langsam', 'wart', 'dauer', 'lange', 'schnell', 'zügig', 'verzöger', 'spät'],
  friendliness: ['rude', 'unfriendly', 'friendly', 'polite', 'impolite', 'nice', 'kind', 'arrogant', 'unfreundlich', 'freundlich', 'höflich', 'unhöflich', 'nett', 'patzig'],
  billing: ['price', 'expensive', 'invoice', 'bill', 'charge', 'refund', 'cost', 'payment', 'preis', 'teuer', 'rechnung', 'kosten', 'gebühr', 'erstatt', 'abbuchung', 'zahlung'],
  solution: ['solved', 'solution', 'fixed', 'resolved', 'helpful', 'unhelpful', 'useless', 'gelöst', 'lösung', 'behoben', 'hilfreich', 'geholfen', 'nutzlos', 'kompetent', 'inkompetent'],
  product: ['bug', 'broken', 'error', 'crash', 'defect', 'not working', 'fehler', 'kaputt', 'defekt', 'absturz', 'abgestürzt', 'funktioniert nicht'],
  communication: ['understand', 'unclear', 'explain', 'confusing', 'language', 'verständlich', 'unverständlich', 'unklar', 'erklär', 'verwirrend', 'sprache'],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matchers = Object.entries(SURVEY_TOPICS).map(([topic, keywords]) => ({
  topic,
  keywords: keywords.map((k) => ({ keyword: k, re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(k)}`, 'iu') })),
}));

/** The topics a comment falls into, each with the keywords that matched it. */
export function commentTopics(comment: string): { topic: string; keywords: string[] }[] {
  const text = comment.normalize('NFC');
  const out: { topic: string; keywords: string[] }[] = [];
  for (const m of matchers) {
    const hit = m.keywords.filter((k) => k.re.test(text)).map((k) => k.keyword);
    if (hit.length > 0) out.push({ topic: m.topic, keywords: hit });
  }
  return out;
}

/** A PostgreSQL regular expression matching comments of one topic (same rule as `commentTopics`). */
export function topicPattern(topic: string): string | null {
  const keywords = SURVEY_TOPICS[topic];
  if (!keywords) return null;
  return `(^|[^[:alnum:]])(${keywords.map(escapeRe).join('|')})`;
}
