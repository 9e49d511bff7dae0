import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { htmlNestingExceeds, shortenBlankRuns, stripTags } from './html-guard.ts';

describe('shortenBlankRuns', () => {
  it('keeps runs of up to 64 blanks and cuts longer ones to 64', () => {
    assert.equal(shortenBlankRuns(`a${' '.repeat(64)}b`), `a${' '.repeat(64)}b`);
    assert.equal(shortenBlankRuns(`a${' '.repeat(10_000)}b`), `a${' '.repeat(64)}b`);
    assert.equal(shortenBlankRuns(`a${'&nbsp;'.repeat(100)}b`), `a${'&nbsp;'.repeat(64)}b`);
    assert.equal(shortenBlankRuns(`a${' \t&#160;\u00a0'.repeat(50)}b`), `a${' \t&#160;\u00a0'.repeat(16)}b`);
  });

  it('takes linear time on megabytes of whitespace: four times the input, not sixteen times the work', () => {
    // Best of three runs per size, compared with each other, so a busy machine slows both alike.
    const best = (n: number) => {
      const input = ' \t'.repeat(n / 2);
      let fastest = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = process.hrtime.bigint();
        assert.equal(shortenBlankRuns(input).length, 64);
        fastest = Math.min(fastest, Number(process.hrtime.bigint() - started));
      }
      return fastest;
    };
    const small = best(1_000_000);
    const large = best(4_000_000);
    assert.ok(large / small < 10, `4× the input took ${(large / small).toFixed(1)}× as long`);
  });
});

describe('htmlNestingExceeds', () => {
  it('counts nested elements', () => {
    assert.equal(htmlNestingExceeds('<div>'.repeat(10), 10), false);
    assert.equal(htmlNestingExceeds('<div>'.repeat(11), 10), true);
    assert.equal(htmlNestingExceeds('<div></div>'.repeat(1000), 10), false);
  });

  it('is not fooled by end tags of elements that are not open', () => {
    assert.equal(htmlNestingExceeds('<b></x>'.repeat(20), 10), true);
  });

  it('does not count void, implied-end or commented-out tags', () => {
    assert.equal(htmlNestingExceeds('<td><br><img src=x><p>'.repeat(100), 10), false);
    assert.equal(htmlNestingExceeds(`<!--${'<div>'.repeat(50)}-->`, 10), false);
  });
});

describe('stripTags', () => {
  it('keeps the text and drops tags, also unclosed ones, in linear time', () => {
    assert.equal(stripTags('<p>Hallo</p><p><b>Welt</b></p>'), 'Hallo Welt');
    const started = Date.now();
    stripTags('<a '.repeat(300_000));
    assert.ok(Date.now() - started < 1000);
  });
});
