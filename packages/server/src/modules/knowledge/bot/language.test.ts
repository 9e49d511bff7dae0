import { it } from 'node:test';
import assert from 'node:assert/strict';
import { guessLanguage } from './language.ts';

it('tells German from English mail, and falls back when it cannot', () => {
  assert.equal(guessLanguage('Hallo, der Drucker funktioniert nicht mehr. Viele Grüße', 'en'), 'de');
  assert.equal(guessLanguage('Hi, the printer does not work any more. Thanks', 'de'), 'en');
  assert.equal(guessLanguage('Bondrucker 4711', 'de'), 'de');
  assert.equal(guessLanguage('Bondrucker 4711', 'en'), 'en');
});
