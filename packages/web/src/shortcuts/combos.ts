/** A key combination such as `j`, `shift+s`, `mod+enter` or `?`. */
export interface Combo {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** Parses `mod+shift+k` (mod = Cmd on macOS, Ctrl elsewhere); key names are lower-case. */
export function parseCombo(combo: string): Combo {
  const parts = combo.toLowerCase().split('+').map((p) => p.trim());
  const key = parts.pop() || '+';
  return { key, mod: parts.includes('mod'), shift: parts.includes('shift'), alt: parts.includes('alt') };
}

const SYMBOL = /^[^a-z0-9]$/;

/** True when `event` is this combination. Symbols like `?` ignore Shift, which typing them needs. */
export function matchesCombo(event: Pick<KeyboardEvent, 'key' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'>, combo: Combo, isMac: boolean): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
  if (key !== combo.key) return false;
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (mod !== combo.mod) return false;
  if ((isMac ? event.ctrlKey : event.metaKey) && !combo.mod) return false;
  if (event.altKey !== combo.alt) return false;
  if (!SYMBOL.test(combo.key) && event.shiftKey !== combo.shift) return false;
  return true;
}

/** True for targets where keys are typed: inputs, text areas, selects and rich-text editors. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || !(target as Element).tagName) return false;
  const el = target as HTMLElement;
  if (el.isContentEditable || el.closest?.('[contenteditable="true"]')) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return el.getAttribute('role') === 'combobox' || el.getAttribute('role') === 'textbox';
}

/** A handler bound to a combination. */
export interface Binding {
  combo: string;
  handler: (event: KeyboardEvent) => void;
  /** Fire even while typing in a field (e.g. mod+enter to send). */
  allowInInputs?: boolean;
  /** An extra condition; when it says no, the key keeps its normal meaning. */
  when?: (event: Pick<KeyboardEvent, 'target'>) => boolean;
}

/**
 * True when the key goes to a control that uses it itself: links and buttons (Enter), menus,
 * list boxes, tabs and radio groups (arrows).
 */
export function isInteractiveTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.closest) return false;
  return !!el.closest('a[href], button, input, select, textarea, summary, [role="button"], [role="option"], [role="menu"], [role="menuitem"], [role="listbox"], [role="tab"], [role="radiogroup"], [role="slider"], [contenteditable="true"]');
}

/**
 * The binding a key event triggers: the latest registered match wins, bindings are skipped
 * while the user types unless they allow it, and nothing fires inside an open dialog that
 * did not register the binding itself (`withinDialog`).
 */
export function resolveBinding(
  event: Pick<KeyboardEvent, 'key' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'target' | 'repeat'>,
  bindings: readonly Binding[],
  isMac: boolean,
): Binding | null {
  const typing = isEditableTarget(event.target);
  for (let i = bindings.length - 1; i >= 0; i--) {
    const b = bindings[i];
    if (typing && !b.allowInInputs) continue;
    if (b.when && !b.when(event)) continue;
    if (matchesCombo(event, parseCombo(b.combo), isMac)) return b;
  }
  return null;
}

/** How a combination reads on this platform, e.g. `⌘ Enter` or `Ctrl Enter`. */
export function comboLabel(combo: string, isMac: boolean): string[] {
  const c = parseCombo(combo);
  const keys: string[] = [];
  if (c.mod) keys.push(isMac ? '⌘' : 'Ctrl');
  if (c.alt) keys.push(isMac ? '⌥' : 'Alt');
  if (c.shift) keys.push('Shift');
  const names: Record<string, string> = { arrowdown: '↓', arrowup: '↑', enter: 'Enter', escape: 'Esc' };
  keys.push(names[c.key] ?? c.key.toUpperCase());
  return keys;
}

/** Whether this browser runs on an Apple platform (Cmd instead of Ctrl). */
export function detectMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
