import { isInteractiveTarget } from '../shortcuts/combos';
import { useShortcuts } from '../shortcuts/ShortcutsProvider';

const free = (e: Pick<KeyboardEvent, 'target'>) => !isInteractiveTarget(e.target);

interface Options {
  count: number;
  activeIndex: number;
  setActiveIndex(i: number): void;
  open(index: number): void;
  toggle(index: number): void;
  clearSelection(): void;
  enabled?: boolean;
}

/** j/k and arrows move the cursor, Enter or o opens, x selects, Esc clears the selection. */
export function useListKeyboard(o: Options): void {
  const move = (step: 1 | -1) => {
    if (o.count === 0) return;
    const from = o.activeIndex < 0 ? (step === 1 ? -1 : o.count) : o.activeIndex;
    o.setActiveIndex(Math.max(0, Math.min(o.count - 1, from + step)));
  };
  useShortcuts(
    [
      { combo: 'j', handler: () => move(1) },
      { combo: 'arrowdown', handler: () => move(1), when: free },
      { combo: 'k', handler: () => move(-1) },
      { combo: 'arrowup', handler: () => move(-1), when: free },
      { combo: 'enter', handler: () => o.activeIndex >= 0 && o.open(o.activeIndex), when: free },
      { combo: 'o', handler: () => o.activeIndex >= 0 && o.open(o.activeIndex) },
      { combo: 'x', handler: () => o.activeIndex >= 0 && o.toggle(o.activeIndex) },
      { combo: 'escape', handler: o.clearSelection, when: free },
    ],
    o.enabled ?? true,
  );
}
