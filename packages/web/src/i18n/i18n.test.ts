import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserLocale, messagesFor } from './index';

const en = messagesFor('en');
const de = messagesFor('de');

function flatten(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\./.test(e.name) ? [p] : [];
  });
}

describe('translations', () => {
  const enKeys = new Set(flatten(en));
  const deKeys = new Set(flatten(de));

  it('keeps each feature file to namespaces no other file uses', () => {
    const dir = path.resolve(__dirname, 'features');
    const owner = new Map<string, string>();
    for (const core of ['en.json']) for (const ns of Object.keys(JSON.parse(fs.readFileSync(path.join(__dirname, core), 'utf8')))) owner.set(ns, core);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.en.json'))) {
      for (const ns of Object.keys(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))) {
        expect(owner.get(ns), `namespace ${ns} of ${f}`).toBeUndefined();
        owner.set(ns, f);
      }
    }
  });

  it('has the same keys in English and German', () => {
    expect([...enKeys].filter((k) => !deKeys.has(k))).toEqual([]);
    expect([...deKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('defines every literal key the code uses', () => {
    const root = path.resolve(__dirname, '..');
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/(?:labelKey|titleKey): '([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]);
    }
    const base = (k: string) => [k, `${k}_one`, `${k}_other`];
    expect([...used].filter((k) => !base(k).some((b) => enKeys.has(b)))).toEqual([]);
    expect(used.size).toBeGreaterThan(200);
  });

  it('names every built-in view the server sends', () => {
    for (const id of ['my_open', 'unassigned', 'all_open', 'pending', 'on_hold', 'solved_7d']) {
      expect(enKeys.has(`views.${id}`) && deKeys.has(`views.${id}`)).toBe(true);
    }
  });

  it('picks the browser language when Servus speaks it', () => {
    expect(browserLocale(['de-AT', 'en'])).toBe('de');
    expect(browserLocale(['fr-FR', 'en-US'])).toBe('en');
    expect(browserLocale(['fr'])).toBe('en');
  });
});
