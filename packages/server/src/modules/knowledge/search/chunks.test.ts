import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chunkArticle, MAX_PASSAGE_CHARS } from './chunks.ts';

describe('chunkArticle', () => {
  it('keeps each heading with the paragraphs under it', () => {
    const chunks = chunkArticle('<p>Vorab: Kasse ausschalten.</p><h2>Papier wechseln</h2><p>Deckel öffnen.</p><p>Rolle einlegen.</p><h3>Papierstau</h3><p>Papier vorsichtig herausziehen.</p>');
    assert.deepEqual(chunks, [
      { heading: '', text: 'Vorab: Kasse ausschalten.' },
      { heading: 'Papier wechseln', text: 'Papier wechseln\nDeckel öffnen.\nRolle einlegen.' },
      { heading: 'Papierstau', text: 'Papierstau\nPapier vorsichtig herausziehen.' },
    ]);
  });

  it('turns list items into bullets and table rows into lines', () => {
    const [chunk] = chunkArticle('<h2>Codes</h2><ul><li>Code <strong>05</strong></li><li>Code 51</li></ul><table><tr><th>Code</th><th>Bedeutung</th></tr><tr><td>65</td><td>Limit erreicht</td></tr></table>');
    assert.equal(chunk!.text, 'Codes\n• Code 05\n• Code 51\nCode – Bedeutung\n65 – Limit erreicht');
  });

  it('decodes entities and ignores players and comments', () => {
    const [chunk] = chunkArticle('<p>Preis &lt; 5&nbsp;€ &amp; &#8222;günstig&#x201C;</p><!-- <p>alt</p> --><figure><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></figure>');
    assert.equal(chunk!.text, 'Preis < 5 € & „günstig“');
  });

  it('never makes a passage longer than the limit, splitting long paragraphs at sentence ends', () => {
    const sentence = 'Dieser Satz beschreibt einen Schritt der Einrichtung ausführlich. ';
    const html = `<h2>Einrichtung</h2><p>${sentence.repeat(30)}</p><p>${'x'.repeat(1500)}</p>`;
    const chunks = chunkArticle(html);
    assert.ok(chunks.length >= 5);
    for (const c of chunks) {
      assert.ok(c.text.length <= MAX_PASSAGE_CHARS, `${c.text.length} chars`);
      assert.ok(c.text.startsWith('Einrichtung\n'));
    }
    assert.ok(chunks[0]!.text.endsWith('ausführlich.'), 'a split ends at a sentence end');
  });

  it('drops headings without text and returns nothing for an empty body', () => {
    assert.deepEqual(chunkArticle('<h2>Leer</h2><h2>Auch leer</h2>'), []);
    assert.deepEqual(chunkArticle(''), []);
  });
});
