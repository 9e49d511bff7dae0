/*
 * Servus help center: progressive enhancement. Every page works without this script; with it,
 * "Was this helpful?" answers in place, the search box suggests articles while typing, and the
 * contact form suggests articles for its subject and solves the form's proof-of-work.
 * Loaded from our own origin only (the pages' CSP allows no inline script).
 */
(function () {
  'use strict';

  // SHA-256, for the proof-of-work: fast for short inputs, and works where crypto.subtle does
  // not (pages served over plain http on a local network).
  var PRIMES = [];
  for (var n = 2; PRIMES.length < 64; n++) {
    var prime = true;
    for (var d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) PRIMES.push(n);
  }
  var frac = function (x) { return ((x - Math.floor(x)) * 4294967296) | 0; };
  var K = PRIMES.map(function (p) { return frac(Math.cbrt(p)); });
  var H0 = PRIMES.slice(0, 8).map(function (p) { return frac(Math.sqrt(p)); });
  var W = new Int32Array(64);

  /** The eight 32-bit words of the SHA-256 of a UTF-8 string. */
  function sha256Words(text) {
    var bytes = new TextEncoder().encode(text);
    var total = Math.ceil((bytes.length + 9) / 64) * 64;
    var m = new Uint8Array(total);
    m.set(bytes);
    m[bytes.length] = 0x80;
    var bits = bytes.length * 8;
    m[total - 4] = (bits >>> 24) & 255;
    m[total - 3] = (bits >>> 16) & 255;
    m[total - 2] = (bits >>> 8) & 255;
    m[total - 1] = bits & 255;
    var h = H0.slice();
    for (var off = 0; off < total; off += 64) {
      var i;
      for (i = 0; i < 16; i++) W[i] = (m[off + 4 * i] << 24) | (m[off + 4 * i + 1] << 16) | (m[off + 4 * i + 2] << 8) | m[off + 4 * i + 3];
      for (i = 16; i < 64; i++) {
        var x = W[i - 15], y = W[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], e = h[4], f = h[5], g = h[6], dd = h[3], hh = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f; f = e; e = (dd + t1) | 0; dd = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + dd) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
    }
    return h;
  }

  /** Whether SHA-256 of `challenge:nonce` starts with `bits` zero bits (bits ≤ 32). */
  function solves(challenge, nonce, bits) {
    return sha256Words(challenge + ':' + nonce)[0] >>> (32 - bits) === 0;
  }

  /** Finds a nonce for the challenge in slices, so the page stays responsive; calls done(nonce). */
  function solve(challenge, bits, done) {
    var nonce = 0;
    (function slice() {
      var end = nonce + 4000;
      for (; nonce < end; nonce++) if (solves(challenge, nonce, bits)) return done(String(nonce));
      setTimeout(slice, 0);
    })();
  }

  window.ServusHelp = { sha256Words: sha256Words, solve: solve, solves: solves };
  if (typeof document === 'undefined' || !document.querySelector) return;

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }

  // "Was this helpful?": post in place and swap the block for the server's answer.
  function bindFeedback(root) {
    var form = root.querySelector('form[data-feedback]');
    if (!form) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      if (event.submitter && event.submitter.name) body.set(event.submitter.name, event.submitter.value);
      var buttons = form.querySelectorAll('button');
      buttons.forEach(function (b) { b.disabled = true; });
      fetch(form.action, { method: 'POST', body: body, headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.json(); })
        .then(function (data) {
          var section = document.getElementById('feedback');
          var holder = document.createElement('div');
          holder.innerHTML = data.html;
          var fresh = holder.firstElementChild;
          section.replaceWith(fresh);
          bindFeedback(fresh);
          var focus = fresh.querySelector('textarea') || fresh.querySelector('[role="status"]');
          if (focus) {
            if (!focus.matches('textarea')) focus.setAttribute('tabindex', '-1');
            focus.focus();
          }
        })
        .catch(function () { form.submit(); });
    });
  }

  // The search box suggests articles while typing; arrow keys move through them, Escape closes.
  function bindSearch(input) {
    var lang = input.getAttribute('data-suggest');
    var list = el('ul', { class: 'live-results', id: input.id + '-results', hidden: '' });
    input.parentNode.appendChild(list);
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    var close = function () { list.hidden = true; input.setAttribute('aria-expanded', 'false'); };
    var lookup = debounce(function (q) {
      if (q.length < 3) return close();
      fetch('/api/v1/help/search?limit=5&lang=' + lang + '&q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then(function (res) { return res.ok ? res.json() : { data: [] }; })
        .then(function (data) {
          if (input.value.trim() !== q) return;
          list.textContent = '';
          data.data.forEach(function (hit) {
            var li = el('li');
            li.appendChild(el('a', { href: hit.url }, hit.title));
            list.appendChild(li);
          });
          list.hidden = data.data.length === 0;
          input.setAttribute('aria-expanded', String(!list.hidden));
        })
        .catch(close);
    }, 250);
    input.addEventListener('input', function () { lookup(input.value.trim()); });
    var links = function () { return Array.prototype.slice.call(list.querySelectorAll('a')); };
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && !list.hidden && links()[0]) { event.preventDefault(); links()[0].focus(); }
      if (event.key === 'Escape') close();
    });
    list.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
      if (event.key === 'ArrowUp') { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      if (event.key === 'Escape') { close(); input.focus(); }
    });
    document.addEventListener('click', function (event) { if (!input.parentNode.contains(event.target)) close(); });
  }

  // The contact form: the proof-of-work in the background, and suggestions for the subject.
  function bindContact(form) {
    var token = form.querySelector('input[name="token"]').value;
    var pow = form.querySelector('input[name="pow"]');
    var bits = Number(form.getAttribute('data-pow-bits')) || 16;
    var lang = form.getAttribute('data-lang');
    var solved = !!pow.value;
    var waiting = false;
    if (!solved) {
      solve(token, bits, function (nonce) {
        pow.value = nonce;
        solved = true;
        if (waiting) form.submit();
      });
    }
    form.addEventListener('submit', function (event) {
      if (solved) return;
      event.preventDefault();
      waiting = true;
      var button = form.querySelector('button[type="submit"]');
      if (button) button.disabled = true;
    });

    var subject = form.querySelector('[data-suggest-subject]');
    var box = document.getElementById('suggestions');
    if (!subject || !box) return;
    var list = box.querySelector('ul');
    var newTab = box.getAttribute('data-new-tab') || '';
    var last = '';
    var suggest = debounce(function (q) {
      if (q === last) return;
      last = q;
      if (q.length < 3) { box.hidden = true; return; }
      fetch('/api/v1/help/suggestions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ q: q, lang: lang, token: token }),
      })
        .then(function (res) { return res.ok ? res.json() : { data: [] }; })
        .then(function (data) {
          if (subject.value.trim() !== q) return;
          list.textContent = '';
          data.data.slice(0, 5).forEach(function (hit) {
            var li = el('li');
            var a = el('a', { href: hit.url, target: '_blank', rel: 'noopener' }, hit.title);
            if (newTab) a.appendChild(el('span', { class: 'visually-hidden' }, ' ' + newTab));
            li.appendChild(a);
            if (hit.summary) li.appendChild(el('span', {}, hit.summary));
            list.appendChild(li);
          });
          box.hidden = data.data.length === 0;
        })
        .catch(function () { box.hidden = true; });
    }, 350);
    subject.addEventListener('input', function () { suggest(subject.value.trim()); });
    if (subject.value.trim()) suggest(subject.value.trim());
  }

  function start() {
    var feedback = document.getElementById('feedback');
    if (feedback) bindFeedback(feedback);
    document.querySelectorAll('input[data-suggest]').forEach(bindSearch);
    document.querySelectorAll('form[data-contact]').forEach(bindContact);
    var errors = document.getElementById('form-errors');
    if (errors) errors.focus();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
