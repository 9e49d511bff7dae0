import { it } from 'node:test';
import assert from 'node:assert/strict';
import { asksForHuman } from './intent.ts';

it('tells a request for a person from a question about people', () => {
  for (const yes of ['Mitarbeiter bitte', 'Mensch!', 'Ich möchte mit einem Menschen sprechen', 'Kann ich mit jemandem reden?', 'human please', 'agent', 'Let me talk to a real person about this order', 'I want to speak to someone']) {
    assert.equal(asksForHuman(yes), true, yes);
  }
  for (const no of ['Wie lege ich einen neuen Mitarbeiter an?', 'Kann ich Mitarbeitern eigene Rechte in der Kasse geben?', 'How do I add another person to my account as admin?', 'Bondrucker druckt nicht', 'Does the printer support Wi-Fi?']) {
    assert.equal(asksForHuman(no), false, no);
  }
});
