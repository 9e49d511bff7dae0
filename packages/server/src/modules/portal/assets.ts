/**
 * The portal's own styles, on top of the help center's stylesheet and its theme colours
 * (`--primary`, `--accent`). Served from our origin, so the pages' CSP stays strict.
 */
export const PORTAL_CSS = `
.portal { max-width: 960px; margin: 0 auto; }
.portal h1 { margin: .5rem 0 1rem; line-height: 1.25; overflow-wrap: anywhere; }
.portal h2 { font-size: 1.1rem; margin: 1.5rem 0 .75rem; }
.portal a:focus-visible, .portal button:focus-visible, .portal input:focus-visible, .portal textarea:focus-visible { outline: 3px solid var(--primary, #1c5fd4); outline-offset: 2px; }
.portal-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.portal-bar { display: flex; justify-content: flex-end; align-items: center; gap: 1rem; margin-bottom: .5rem; }
.portal-signout { margin: 0; }
.portal-button { display: inline-block; padding: .55rem 1.1rem; border: 0; border-radius: 6px; background: var(--primary, #1c5fd4); color: #fff; font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; }
.portal-button:hover { filter: brightness(1.08); }
.portal-link-button { border: 0; background: none; padding: 0; color: var(--primary, #1c5fd4); font: inherit; text-decoration: underline; cursor: pointer; }
.portal-narrow { max-width: 30rem; margin: 2rem auto; }
.portal-form { display: grid; gap: .4rem; margin: 1rem 0; }
.portal-form label { font-weight: 600; margin-top: .6rem; }
.portal-form input[type=email], .portal-form input[type=text], .portal-form textarea { width: 100%; box-sizing: border-box; padding: .55rem .65rem; border: 1px solid #b9c0cc; border-radius: 6px; font: inherit; background: #fff; color: inherit; }
.portal-form [aria-invalid=true] { border-color: #b42318; }
.portal-form button { justify-self: start; margin-top: .8rem; }
.portal-error { color: #b42318; margin: 0; font-size: .9rem; }
.portal-alert { border-left: 4px solid #b42318; background: #fdf0ef; padding: .6rem .8rem; }
.portal-notice { border-left: 4px solid var(--accent, #0f8a5f); background: #eef7f2; padding: .6rem .8rem; }
.portal-hint { color: #5b6270; font-size: .9rem; }
.portal-tabs, .portal-filter { display: flex; flex-wrap: wrap; gap: .25rem; margin: .5rem 0; }
.portal-tabs { border-bottom: 1px solid #d5dae2; gap: 1rem; margin-bottom: 1rem; }
.portal-tabs a { padding: .45rem .1rem; margin-bottom: -1px; border-bottom: 3px solid transparent; text-decoration: none; color: inherit; font-weight: 600; }
.portal-tabs a[aria-current=page] { border-bottom-color: var(--primary, #1c5fd4); color: var(--primary, #1c5fd4); }
.portal-filter a { padding: .3rem .8rem; border-radius: 999px; border: 1px solid #cfd5de; text-decoration: none; color: inherit; font-size: .9rem; }
.portal-filter a[aria-current=page] { background: var(--primary, #1c5fd4); border-color: var(--primary, #1c5fd4); color: #fff; }
.portal-list { width: 100%; border-collapse: collapse; margin: .75rem 0; }
.portal-list th, .portal-list td { text-align: left; padding: .55rem .5rem; border-bottom: 1px solid #e3e7ed; vertical-align: top; }
.portal-list th { font-size: .85rem; color: #5b6270; font-weight: 600; }
.portal-list td a { overflow-wrap: anywhere; }
.portal-num { white-space: nowrap; }
.portal-status { display: inline-block; padding: .1rem .55rem; border-radius: 999px; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.portal-status-open { background: #e8effc; color: #1a4aa6; }
.portal-status-waiting { background: #fff3d6; color: #7a5200; }
.portal-status-solved { background: #e3f4ea; color: #136c3f; }
.portal-status-closed { background: #eceef2; color: #4a5160; }
.portal-empty { padding: 1.5rem 0; color: #5b6270; }
.portal-pages { display: flex; justify-content: space-between; align-items: center; margin: 1rem 0; }
.portal-back { margin: 0; }
.portal-meta { color: #5b6270; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.portal-thread { list-style: none; padding: 0; margin: 0; display: grid; gap: .8rem; }
.portal-msg { border: 1px solid #e3e7ed; border-radius: 8px; padding: .75rem 1rem; background: #fff; }
.portal-msg-customer { border-left: 4px solid var(--accent, #0f8a5f); }
.portal-msg-team { border-left: 4px solid var(--primary, #1c5fd4); }
.portal-msg-head { display: flex; gap: .6rem; align-items: baseline; margin-bottom: .35rem; }
.portal-msg-head time { color: #5b6270; font-size: .85rem; }
.portal-msg-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.portal-files { margin: .5rem 0 0; padding-left: 1.2rem; }
.portal-message { max-width: 36rem; margin: 2rem auto; }
@media (max-width: 640px) {
  .portal-list thead { display: none; }
  .portal-list tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem .6rem; padding: .7rem 0; border-bottom: 1px solid #e3e7ed; }
  .portal-list td { border: 0; padding: 0; }
  .portal-list td:nth-child(2) { flex: 1 1 60%; font-weight: 600; }
}
`;
