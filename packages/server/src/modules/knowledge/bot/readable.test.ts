import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readable } from './readable.ts';

it('cuts a passage for reading at a sentence end, or with an ellipsis when one sentence is too long', () => {
  const text = 'Das ist ein vollständiger Satz über den Drucker. '.repeat(20);
  const r = readable(text, 200);
  assert.ok(r.length <= 200 && r.endsWith('.'));
  assert.equal(readable('Kurz.'), 'Kurz.');
  assert.equal(readable('Papierrolle prüfen\nÖffnen Sie die Klappe.'), 'Papierrolle prüfen\nÖffnen Sie die Klappe.');
  const long = readable('x'.repeat(900), 100);
  assert.ok(long.endsWith('…') && long.length <= 100);
});
