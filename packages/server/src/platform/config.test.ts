import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3000);
    assert.equal(c.SMTP_PORT, 2525);
    assert.deepEqual(c.SERVUS_ROLES, ['http', 'ws', 'smtp', 'worker', 'cron']);
    assert.ok(c.DATA_DIR.endsWith('/data'));
    assert.equal(c.DATABASE_URL, undefined);
  });

  it('refuses a missing, short or default session secret in production', () => {
    for (const SESSION_SECRET of [undefined, '', 'changeme', 'secret', 'x'.repeat(31)]) {
      assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET }), /SESSION_SECRET/);
    }
    assert.equal(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'k'.repeat(40) }).NODE_ENV, 'production');
  });

  it('names every invalid variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', SERVUS_ROLES: 'http,teleport', DATABASE_URL: 'not a url' }),
      (err: Error) => /PORT/.test(err.message) && /teleport/.test(err.message) && /DATABASE_URL/.test(err.message),
    );
  });
});
