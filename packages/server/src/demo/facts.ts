import { DateTime } from 'luxon';
import type { Lang } from './names.ts';
import type { Random } from './random.ts';
import type { Facts } from './topic.ts';

// German names are all masculine so the templates' articles ("einen {device}") always fit.
const DEVICES: readonly Record<Lang, string>[] = [
  { de: 'Bondrucker BP-80', en: 'BP-80 receipt printer' },
  { de: 'Kartenleser CT-4', en: 'CT-4 card reader' },
  { de: 'Kassenrechner T11', en: 'T11 till computer' },
  { de: 'Barcodescanner SC-2', en: 'SC-2 barcode scanner' },
  { de: 'Kundenmonitor KM-10', en: 'KM-10 customer display' },
];

const AMOUNTS = [29.9, 49.9, 59, 79, 119, 238.8];

/**
 * The order and invoice numbers, device, amounts and dates one ticket talks about, in both
 * languages with the same numbers, so a German note on an English ticket names the same order.
 */
export function ticketFacts(rng: Random, created: Date): Record<Lang, Facts> {
  const year = DateTime.fromJSDate(created).year;
  const invoiceNo = `${year}-${String(rng.int(1, 9999)).padStart(5, '0')}`;
  const device = rng.pick(DEVICES);
  const amount = rng.pick(AMOUNTS);
  const contractEnd = DateTime.fromJSDate(created, { zone: 'Europe/Berlin' }).plus({ months: 1 }).endOf('month');
  const minor = rng.int(8, 14);
  const patch = rng.int(0, 3);
  const shared = {
    order: String(rng.int(100000, 189999)),
    plan: rng.pick(['Business', 'Plus', 'Enterprise']),
    version: `4.${minor}.${patch}`,
    fixVersion: `4.${minor}.${patch + 1}`,
    browser: rng.pick(['Chrome', 'Firefox', 'Safari', 'Edge']),
    count: String(rng.int(3, 6)),
    serial: String(rng.int(100000, 999999)),
  };
  return {
    de: {
      ...shared,
      invoice: `RE-${invoiceNo}`,
      device: device.de,
      amount: `${amount.toFixed(2).replace('.', ',')} €`,
      date: contractEnd.setLocale('de').toFormat('d. MMMM yyyy'),
    },
    en: {
      ...shared,
      invoice: `INV-${invoiceNo}`,
      device: device.en,
      amount: `€${amount.toFixed(2)}`,
      date: contractEnd.setLocale('en-GB').toFormat('d MMMM yyyy'),
    },
  };
}
