/**
 * The launcher's styles. They live in a shadow root, so the page's CSS cannot reach them and they
 * cannot reach the page; `all: initial` on the host stops inherited properties too.
 */
export const LOADER_CSS = `
:host { all: initial; }
.launcher {
  all: initial;
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  width: 56px; height: 56px; border-radius: 50%;
  background: var(--servus-color, #1c7ed6); color: #fff;
  display: flex; align-items: center; justify-content: center;
  box-shadow: 0 4px 14px rgba(0,0,0,.25); cursor: pointer;
  transition: transform .15s ease;
}
.launcher:hover { transform: scale(1.06); }
.launcher:focus-visible { outline: 3px solid #fff; box-shadow: 0 0 0 6px var(--servus-color, #1c7ed6); }
.launcher svg { width: 28px; height: 28px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.badge {
  all: initial;
  position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 5px;
  box-sizing: border-box; border-radius: 10px; background: #e03131; color: #fff;
  font: 600 12px/20px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: center;
}
.badge[hidden] { display: none; }
.panel {
  all: initial;
  position: fixed; right: 20px; bottom: 88px; z-index: 2147483000;
  width: 380px; height: min(640px, calc(100vh - 108px));
  border-radius: 12px; overflow: hidden; background: #fff;
  box-shadow: 0 8px 30px rgba(0,0,0,.25);
}
.panel[hidden] { display: none; }
.panel iframe { all: initial; display: block; width: 100%; height: 100%; border: 0; }
@media (max-width: 480px) {
  .panel { right: 0; bottom: 0; width: 100vw; height: 100dvh; border-radius: 0; }
  .open .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) { .launcher { transition: none; } }
`;

/** A speech bubble (open) and a cross (close), drawn with strokes in the launcher's colour. */
export const ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.6A8 8 0 1 1 21 12z"/></svg>';
export const ICON_CLOSE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';
