import { describe, expect, it } from 'vitest';
import { splitQuoted } from './quotes';

const text = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent?.replace(/\s+/g, ' ').trim();

describe('splitQuoted', () => {
  it('collapses a trailing blockquote with its English attribution line', () => {
    const html = '<div><p>Thanks, that worked!</p><div>On Mon, 3 Mar 2025 at 10:12, Support &lt;help@x.example&gt; wrote:</div><blockquote><p>Please restart the device.</p></blockquote></div>';
    const r = splitQuoted(html);
    expect(r.hasQuote).toBe(true);
    expect(text(r.main)).toBe('Thanks, that worked!');
  });

  it('collapses German "Am … schrieb …:" quotes', () => {
    const html = '<p>Danke, jetzt geht es.</p><p>Am 03.03.2025 um 10:12 schrieb Support &lt;hilfe@x.example&gt;:</p><blockquote><p>Bitte starten Sie das Gerät neu.</p></blockquote>';
    const r = splitQuoted(html);
    expect(r.hasQuote).toBe(true);
    expect(text(r.main)).toBe('Danke, jetzt geht es.');
  });

  it('collapses Outlook history from the header block or separator on', () => {
    const outlook = '<p>See below.</p><hr><p><b>Von:</b> Anna<br><b>Gesendet:</b> Montag, 3. März 2025<br><b>Betreff:</b> Rechnung</p><p>Old text</p>';
    const r1 = splitQuoted(outlook);
    expect(r1.hasQuote).toBe(true);
    expect(text(r1.main)).toBe('See below.');

    const separator = '<p>Please check.</p><p>-----Original Message-----<br>From: Bob</p><p>older</p>';
    const r2 = splitQuoted(separator);
    expect(r2.hasQuote).toBe(true);
    expect(text(r2.main)).toBe('Please check.');
  });

  it('collapses "> " quoted lines of plain-text mail', () => {
    const html = '<p>Yes, please cancel it.</p><p>On Tue, Jan 7, 2025, Support wrote:<br>&gt; Shall we cancel?<br>&gt; Regards</p>';
    const r = splitQuoted(html);
    expect(r.hasQuote).toBe(true);
    expect(text(r.main)).toBe('Yes, please cancel it.');
  });

  it('keeps interleaved answers and quote-only messages whole', () => {
    const interleaved = '<blockquote>Question one?</blockquote><p>Answer one.</p><blockquote>Question two?</blockquote><p>Answer two.</p>';
    expect(splitQuoted(interleaved)).toEqual({ main: interleaved, hasQuote: false });
    const onlyQuote = '<blockquote><p>Forwarded text</p></blockquote>';
    expect(splitQuoted(onlyQuote).hasQuote).toBe(false);
    const plain = '<p>No history here.</p>';
    expect(splitQuoted(plain)).toEqual({ main: plain, hasQuote: false });
  });
});
