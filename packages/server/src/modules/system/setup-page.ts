/** The one-time setup page: a plain form that creates the first admin through the API. */
export const SETUP_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Servus setup</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { background: #fff; padding: 2rem 2.25rem; border-radius: 10px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: min(420px, 92vw); }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  p { margin: 0 0 1.25rem; color: #4a5366; }
  label { display: block; font-weight: 600; margin: .9rem 0 .3rem; }
  input { width: 100%; box-sizing: border-box; padding: .55rem .65rem; border: 1px solid #c5cad3; border-radius: 6px; font: inherit; }
  input:focus-visible, button:focus-visible { outline: 3px solid #5b8def; outline-offset: 1px; }
  button { margin-top: 1.4rem; width: 100%; padding: .65rem; border: 0; border-radius: 6px; background: #2455c3; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  button[disabled] { opacity: .6; cursor: progress; }
  .error { color: #b3261e; margin-top: 1rem; min-height: 1.5em; }
  .hint { font-size: .85rem; color: #6b7385; font-weight: 400; }
</style>
</head>
<body>
<main>
  <h1 data-i18n="title">Welcome to Servus</h1>
  <p data-i18n="intro">Create the administrator account. This page disappears once it exists.</p>
  <form id="setup" novalidate>
    <label for="name" data-i18n="name">Your name</label>
    <input id="name" name="name" autocomplete="name" required maxlength="200">
    <label for="email" data-i18n="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="email" required maxlength="254">
    <label for="password"><span data-i18n="password">Password</span> <span class="hint" data-i18n="passwordHint">(at least 10 characters)</span></label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="1024">
    <button type="submit" data-i18n="submit">Create administrator</button>
    <div class="error" id="error" role="alert" aria-live="polite"></div>
  </form>
</main>
<script src="/setup.js"></script>
</body>
</html>`;

export const SETUP_JS = `(() => {
  const de = {
    title: 'Willkommen bei Servus',
    intro: 'Legen Sie das Administratorkonto an. Diese Seite verschwindet, sobald es existiert.',
    name: 'Ihr Name', email: 'E-Mail', password: 'Passwort', passwordHint: '(mindestens 10 Zeichen)',
    submit: 'Administrator anlegen', failed: 'Das hat nicht geklappt:', network: 'Keine Verbindung zum Server.'
  };
  const en = { failed: 'That did not work:', network: 'Cannot reach the server.' };
  const german = (navigator.language || '').toLowerCase().startsWith('de');
  const t = german ? de : en;
  if (german) {
    document.documentElement.lang = 'de';
    document.querySelectorAll('[data-i18n]').forEach((el) => { const k = el.getAttribute('data-i18n'); if (de[k]) el.textContent = de[k]; });
  }
  const form = document.getElementById('setup');
  const error = document.getElementById('error');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const button = form.querySelector('button');
    button.disabled = true;
    const body = { name: form.name.value, email: form.email.value, password: form.password.value };
    try {
      const res = await fetch('/api/v1/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.ok) { location.href = '/'; return; }
      const data = await res.json().catch(() => null);
      const details = data && data.error && data.error.details ? data.error.details.map((d) => d.path.replace('body.', '') + ': ' + d.message).join('; ') : '';
      error.textContent = t.failed + ' ' + (details || (data && data.error && data.error.message) || res.status);
    } catch (e) {
      error.textContent = t.network;
    } finally {
      button.disabled = false;
    }
  });
})();`;
