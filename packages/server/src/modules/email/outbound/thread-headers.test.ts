import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { replyThreadHeaders } from './thread-headers.ts';
import { replySubject } from './queue.ts';

describe('replyThreadHeaders (METRICS §8.8)', () => {
  it('parent with Message-ID and References: In-Reply-To the id, References extended by it', () => {
    assert.deepEqual(replyThreadHeaders({ messageId: 'a@x', inReplyTo: ['p@x'], references: ['r1@x', 'r2@x'] }), {
      inReplyTo: 'a@x',
      references: ['r1@x', 'r2@x', 'a@x'],
    });
  });

  it('parent with Message-ID and In-Reply-To only: References = In-Reply-To + Message-ID', () => {
    assert.deepEqual(replyThreadHeaders({ messageId: 'a@x', inReplyTo: ['p@x'], references: [] }), { inReplyTo: 'a@x', references: ['p@x', 'a@x'] });
  });

  it('parent with Message-ID only: References = Message-ID', () => {
    assert.deepEqual(replyThreadHeaders({ messageId: 'a@x', inReplyTo: [], references: [] }), { inReplyTo: 'a@x', references: ['a@x'] });
  });

  it('no parent, or a parent without any of the three: neither header', () => {
    assert.deepEqual(replyThreadHeaders(null), { inReplyTo: null, references: [] });
    assert.deepEqual(replyThreadHeaders({ messageId: null, inReplyTo: [], references: [] }), { inReplyTo: null, references: [] });
  });

  it('takes ids with or without angle brackets and returns them bare', () => {
    assert.deepEqual(replyThreadHeaders({ messageId: ' <a@x> ', inReplyTo: [], references: ['<r1@x>', ''] }), {
      inReplyTo: 'a@x',
      references: ['r1@x', 'a@x'],
    });
  });

  it('de-duplicates, keeping the parent id last', () => {
    assert.deepEqual(replyThreadHeaders({ messageId: 'a@x', inReplyTo: [], references: ['r1@x', 'a@x', 'r1@x', 'r2@x'] }).references, [
      'r1@x',
      'r2@x',
      'a@x',
    ]);
  });

  it('an In-Reply-To naming several messages is not a chain (RFC 5322 §3.6.4)', () => {
    assert.deepEqual(replyThreadHeaders({ messageId: 'a@x', inReplyTo: ['p@x', 'q@x'], references: [] }).references, ['a@x']);
  });

  it('bounds a long thread to the first id plus the last 20', () => {
    const refs = Array.from({ length: 50 }, (_, i) => `r${i}@x`);
    const { references } = replyThreadHeaders({ messageId: 'a@x', inReplyTo: [], references: refs });
    assert.equal(references.length, 21);
    assert.equal(references[0], 'r0@x');
    assert.deepEqual(references.slice(1), [...refs.slice(-19), 'a@x']);
    const short = replyThreadHeaders({ messageId: 'a@x', inReplyTo: [], references: refs.slice(0, 20) }).references;
    assert.equal(short.length, 21, 'exactly 21 ids are kept whole');
  });
});

describe('replySubject', () => {
  it('prefixes Re: and tags the ticket number once', () => {
    assert.equal(replySubject('Drucker brennt', 42), 'Re: Drucker brennt [#42]');
    assert.equal(replySubject('Re: Drucker brennt', 42), 'Re: Drucker brennt [#42]');
    assert.equal(replySubject('AW: RE: re:Drucker brennt [#42]', 42), 'Re: Drucker brennt [#42]');
    assert.equal(replySubject('Drucker [#41] brennt', 42), 'Re: Drucker [#41] brennt [#42]');
    assert.equal(replySubject('Evil\r\nBcc: x@y', 7), 'Re: Evil Bcc: x@y [#7]');
  });
});
