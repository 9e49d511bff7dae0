import type { Random } from './random.ts';

/** The two languages the demo speaks. */
export type Lang = 'de' | 'en';

const FIRST_NAMES: Record<Lang, readonly string[]> = {
  de: [
    'Jürgen', 'Zoë', 'Björn', 'Käthe', 'Sören', 'Jörg', 'Günther', 'Lena', 'Maximilian', 'Anja', 'Thorsten',
    'Jens', 'Birgit', 'Ute', 'Dörte', 'Hannelore', 'Klaus', 'Stefanie', 'Matthias', 'Katrin', 'Uwe', 'Friederike',
    'Tobias', 'Svenja', 'Ömer', 'Aylin', 'Mehmet', 'Marie', 'Lukas', 'Jana', 'Florian', 'Heike', 'René', 'Gisela',
  ],
  en: [
    'Oliver', 'Amelia', 'Siobhán', 'Seán', 'Chloë', 'Renée', 'Noah', 'Olivia', 'Harry', 'Isla', 'George', 'Priya',
    'Aoife', 'Callum', 'Freya', 'Jack', 'Grace', 'Ravi', 'Emily', 'Thomas', 'Sophie', 'Declan', 'Megan', 'Daniel',
    'Niamh', 'Ethan', 'Hannah', 'Rhys', 'Lucy', 'Samuel', 'Zara', 'Nathan', 'Eleanor', 'Marcus', 'Ruth',
  ],
};

const LAST_NAMES: Record<Lang, readonly string[]> = {
  de: [
    'Müller', 'Weiß', 'Schröder', 'Bäcker', 'Köhler', 'Groß', 'Krüger', 'Böhm', 'Heß', 'Möller', 'Schäfer', 'Jäger',
    'Günther', 'Wöhler', 'Schmidt', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Wolf',
    'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Hartmann', 'Lange', 'Krause', 'Lehmann', 'Kühn', 'Fuß', 'Yılmaz', 'Özdemir',
  ],
  en: [
    "O'Brien", 'McAllister', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Davies', 'Evans', 'Thomas', 'Roberts',
    'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris',
    'Clarke', 'Patel', 'Jackson', 'Turner', 'Murphy', "O'Sullivan", 'Kennedy', 'Fitzgerald', 'Campbell', 'Stewart',
    'Morgan', 'Bennett', 'Khan',
  ],
};

/** A person's full name in the given language. */
export function personName(rng: Random, lang: Lang): { first: string; last: string; full: string } {
  const first = rng.pick(FIRST_NAMES[lang]);
  const last = rng.pick(LAST_NAMES[lang]);
  return { first, last, full: `${first} ${last}` };
}

const TRANSLIT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };

/** An ASCII slug for addresses and domains: "Jürgen Müller" -> "juergen-mueller" with `sep` "-". */
export function asciiSlug(text: string, sep = '-'): string {
  return text
    .replace(/[äöüßÄÖÜ]/g, (c) => TRANSLIT[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(sep);
}

/** One customer company: name, mail domain, language and where it is. */
export interface OrganizationSeed {
  name: string;
  domain: string;
  lang: Lang;
  city: string;
}

/**
 * Customer companies of the demo (a vendor of point-of-sale systems for shops, cafés and
 * hotels). Domains use the reserved `.example` top-level domain, so no demo address can ever
 * receive real mail.
 */
const ORGANIZATIONS: readonly [string, string, Lang, string][] = [
  ['Bäckerei Schröder GmbH', 'baeckerei-schroeder', 'de', 'Hannover'],
  ['Northwind Traders Ltd', 'northwind-traders', 'en', 'Manchester'],
  ['Café Grünschnabel', 'cafe-gruenschnabel', 'de', 'Leipzig'],
  ['Harbour Lights Hotel', 'harbourlights-hotel', 'en', 'Brighton'],
  ['Metzgerei Köhler & Söhne', 'metzgerei-koehler', 'de', 'Augsburg'],
  ['Blackthorn Books', 'blackthorn-books', 'en', 'Edinburgh'],
  ['Weinhandlung Jäger KG', 'weinhandlung-jaeger', 'de', 'Würzburg'],
  ['Copper Kettle Tearooms', 'copperkettle', 'en', 'York'],
  ['Blumenhaus Fröhlich', 'blumenhaus-froehlich', 'de', 'Köln'],
  ['Greenway Cycles Ltd', 'greenway-cycles', 'en', 'Bristol'],
  ['Optik Weiß GmbH', 'optik-weiss', 'de', 'München'],
  ['Riverside Deli & Grocer', 'riverside-deli', 'en', 'Cardiff'],
  ['Hotel Zur Mühle', 'hotel-zur-muehle', 'de', 'Freiburg'],
  ['Maple & Finch Interiors', 'maplefinch', 'en', 'Dublin'],
  ['Buchhandlung Lesezeichen', 'lesezeichen-buch', 'de', 'Münster'],
  ['Oakridge Farm Shop', 'oakridge-farmshop', 'en', 'Norwich'],
  ['Eiscafé Dolomiti', 'eiscafe-dolomiti', 'de', 'Nürnberg'],
  ['Atlas Outdoor Supply', 'atlas-outdoor', 'en', 'Leeds'],
  ['Feinkost Böhm', 'feinkost-boehm', 'de', 'Dresden'],
  ['Silver Birch Pharmacy', 'silverbirch-pharmacy', 'en', 'Belfast'],
  ['Schuhhaus Groß', 'schuhhaus-gross', 'de', 'Stuttgart'],
  ['The Daily Grind Coffee Co.', 'dailygrind-coffee', 'en', 'London'],
  ['Brauhaus am Markt GmbH', 'brauhaus-am-markt', 'de', 'Bamberg'],
  ['Kingfisher Pet Supplies', 'kingfisher-pets', 'en', 'Glasgow'],
  ['Spielwaren Krüger', 'spielwaren-krueger', 'de', 'Bremen'],
  ['Lighthouse Bakery', 'lighthouse-bakery', 'en', 'Plymouth'],
  ['Fahrradladen Speiche', 'speiche-rad', 'de', 'Berlin'],
  ['Hawthorn & Vine Wines', 'hawthorn-vine', 'en', 'Bath'],
  ['Modehaus Heß', 'modehaus-hess', 'de', 'Frankfurt am Main'],
  ['Crescent Moon Yoga Studio', 'crescentmoon-yoga', 'en', 'Oxford'],
  ['Apotheke am Schloss', 'apotheke-am-schloss', 'de', 'Heidelberg'],
  ['Granite Peak Hardware', 'granitepeak-hardware', 'en', 'Aberdeen'],
  ['Gasthof Hirschen', 'gasthof-hirschen', 'de', 'Garmisch-Partenkirchen'],
  ['Bluebell Florists', 'bluebell-florists', 'en', 'Cambridge'],
  ['Reformhaus Möller', 'reformhaus-moeller', 'de', 'Kiel'],
  ['Thistle & Rose Gifts', 'thistle-rose', 'en', 'Inverness'],
  ['Kaffeerösterei Braun', 'roesterei-braun', 'de', 'Hamburg'],
  ['Northgate Electronics Ltd', 'northgate-electronics', 'en', 'Birmingham'],
  ['Konditorei Süßes Eck', 'suesses-eck', 'de', 'Regensburg'],
  ['Seaview Fish & Chips', 'seaview-chippy', 'en', 'Whitby'],
  ['Getränkemarkt Wolf', 'getraenke-wolf', 'de', 'Dortmund'],
  ['Willow Tree Nursery', 'willowtree-nursery', 'en', 'Exeter'],
  ['Friseursalon Schnittpunkt', 'schnittpunkt-salon', 'de', 'Mainz'],
  ['Redbrick Records', 'redbrick-records', 'en', 'Liverpool'],
];

/** The first `count` organizations, alternating German and English; numbered once the list runs out. */
export function organizationSeeds(count: number): OrganizationSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const [name, slug, lang, city] = ORGANIZATIONS[i % ORGANIZATIONS.length]!;
    const round = Math.floor(i / ORGANIZATIONS.length);
    const suffix = round === 0 ? '' : ` ${round + 1}`;
    const domainSuffix = round === 0 ? '' : `-${round + 1}`;
    return { name: `${name}${suffix}`, domain: `${slug}${domainSuffix}.example`, lang, city };
  });
}

/** Mail domains of people who write from a private address. */
export const PRIVATE_MAIL_DOMAINS: Record<Lang, readonly string[]> = {
  de: ['posteingang.example', 'mailbox-de.example'],
  en: ['inbox-mail.example', 'postbox-uk.example'],
};
