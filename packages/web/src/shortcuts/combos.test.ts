import { describe, expect, it, vi } from 'vitest';
import { comboLabel, isEditableTarget, matchesCombo, parseCombo, resolveBinding, type Binding } from './combos';

const key = (k: string, mods: Partial<KeyboardEvent> = {}, target: EventTarget | null = document.body) =>
  ({ key: k, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, repeat: false, target, ...mods }) as KeyboardEvent;

describe('shortcut combos', () => {
  it('parses combinations', () => {
    expect(parseCombo('mod+shift+K')).toEqual({ key: 'k', mod: true, shift: true, alt: false });
    expect(parseCombo('?')).toEqual({ key: '?', mod: false, shift: false, alt: false });
  });

  it('matches letters exactly but symbols regardless of Shift', () => {
    expect(matchesCombo(key('s'), parseCombo('s'), false)).toBe(true);
    expect(matchesCombo(key('S', { shiftKey: true }), parseCombo('s'), false)).toBe(false);
    expect(matchesCombo(key('S', { shiftKey: true }), parseCombo('shift+s'), false)).toBe(true);
    expect(matchesCombo(key('?', { shiftKey: true }), parseCombo('?'), false)).toBe(true);
    expect(matchesCombo(key('j', { ctrlKey: true }), parseCombo('j'), false)).toBe(false);
  });

  it('maps mod to Cmd on macOS and Ctrl elsewhere', () => {
    expect(matchesCombo(key('Enter', { metaKey: true }), parseCombo('mod+enter'), true)).toBe(true);
    expect(matchesCombo(key('Enter', { ctrlKey: true }), parseCombo('mod+enter'), true)).toBe(false);
    expect(matchesCombo(key('Enter', { ctrlKey: true }), parseCombo('mod+enter'), false)).toBe(true);
    expect(comboLabel('mod+enter', true)).toEqual(['⌘', 'Enter']);
    expect(comboLabel('shift+s', false)).toEqual(['Shift', 'S']);
  });

  it('knows where the user is typing', () => {
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    const inner = document.createElement('p');
    editor.append(inner);
    document.body.append(editor);
    expect(isEditableTarget(input)).toBe(true);
    expect(isEditableTarget(document.createElement('textarea'))).toBe(true);
    expect(isEditableTarget(checkbox)).toBe(false);
    expect(isEditableTarget(inner)).toBe(true);
    expect(isEditableTarget(document.body)).toBe(false);
    editor.remove();
  });

  it('skips bindings while typing unless allowed, honours `when`, and lets the latest win', () => {
    const first = vi.fn();
    const second = vi.fn();
    const send = vi.fn();
    const bindings: Binding[] = [
      { combo: 'r', handler: first },
      { combo: 'r', handler: second },
      { combo: 'mod+enter', handler: send, allowInInputs: true },
      { combo: 'enter', handler: first, when: (e) => !(e.target as HTMLElement).closest('a') },
    ];
    expect(resolveBinding(key('r'), bindings, false)?.handler).toBe(second);
    const input = document.createElement('input');
    expect(resolveBinding(key('r', {}, input), bindings, false)).toBeNull();
    expect(resolveBinding(key('Enter', { ctrlKey: true }, input), bindings, false)?.handler).toBe(send);
    const link = document.createElement('a');
    link.href = '#';
    expect(resolveBinding(key('Enter', {}, link), bindings, false)).toBeNull();
    expect(resolveBinding(key('Enter'), bindings, false)?.handler).toBe(first);
  });
});
