import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testSmtp } from './test-connection.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.test-helper.ts';

let sink: SmtpSink;
before(async () => {
  sink = await startSmtpSink({ auth: { user: 'servus', pass: 'richtig' } });
});
after(() => sink.close());

/** A port nothing listens on: bound, noted and closed again. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('testSmtp', () => {
  it('reports a working server and login', async () => {
    const res = await testSmtp({ host: '127.0.0.1', port: sink.port, secure: false, user: 'servus', password: 'richtig' });
    assert.deepEqual(res, { ok: true, message: `Connected to 127.0.0.1:${sink.port} and logged in as servus` });
  });

  it('says the login was refused, with the server answer', async () => {
    const res = await testSmtp({ host: '127.0.0.1', port: sink.port, secure: false, user: 'servus', password: 'falsch' });
    assert.equal(res.ok, false);
    assert.match(res.message, /^Login refused: 535 5\.7\.8 Authentication credentials invalid/);
    assert.ok(!res.message.includes('falsch'), 'the password is not echoed');
  });

  it('says it cannot connect when nothing listens', async () => {
    const port = await closedPort();
    const res = await testSmtp({ host: '127.0.0.1', port, secure: false, user: '', password: null });
    assert.equal(res.ok, false);
    assert.match(res.message, new RegExp(`^Cannot connect to 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
  });
});
