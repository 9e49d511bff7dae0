import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import de from './de.json';
import { browserLocale } from './index';

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
