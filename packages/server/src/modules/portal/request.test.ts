import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeReturnTo } from './request.ts';
import { acceptedLang, customerStatus } from './texts.ts';

describe('where a sign-in returns to', () => {
  it('keeps paths of the portal itself', () => {
    for (const ok of ['/portal', '/portal/new', '/portal/tickets/42', '/portal?tab=org&status=open&page=2', '/portal/tickets/42/attachments/0b8e4c1e-1f0a-4a55-9d7e-0d2a7f1f9c11']) {
      assert.equal(safeReturnTo(ok), ok);
    }
  });

  it('turns everything else into the start page', () => {
    for (const bad of [
      undefined,
      42,
      '',
      'https://evil.example/portal',
      '//evil.example/portal',
      '/portal//evil.example',
      '/portal/../admin',
      '/portal/%2e%2e/admin',
      '/portal\\evil',
      '/portalx',
      '/help/de',
      '/portal/login/abc',
      '/portal/logout',
      '/portal?x=<script>',
      `/portal/${'a'.repeat(300)}`,
    ]) {
      assert.equal(safeReturnTo(bad), '/portal', String(bad));
    }
  });
});

describe('portal language and status words', () => {
  it('takes the first language of Accept-Language the portal speaks', () => {
    assert.equal(acceptedLang('fr-FR,fr;q=0.9,de;q=0.8,en;q=0.5'), 'de');
    assert.equal(acceptedLang('en-GB,en;q=0.9'), 'en');
    assert.equal(acceptedLang('fr, es'), null);
    assert.equal(acceptedLang(undefined), null);
  });

  it('tells customers four states instead of six', () => {
    assert.deepEqual(
      (['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const).map(customerStatus),
      ['open', 'open', 'waiting', 'open', 'solved', 'closed'],
    );
  });
});
