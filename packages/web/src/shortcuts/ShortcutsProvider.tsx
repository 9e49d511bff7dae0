import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { detectMac, resolveBinding, type Binding } from './combos';

interface Registry {
  add(bindings: Binding[]): () => void;
  isMac: boolean;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
}

const ShortcutsContext = createContext<Registry | null>(null);

/**
 * One keydown listener for the whole app. Pages register bindings with `useShortcuts`; the
 * most recently mounted binding for a key wins, and keys typed into fields are left alone.
 */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const stack = useRef<Binding[][]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const isMac = useMemo(detectMac, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]') && !event.metaKey && !event.ctrlKey) return;
      const binding = resolveBinding(event, stack.current.flat(), isMac);
      if (!binding) return;
      event.preventDefault();
      binding.handler(event);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [isMac]);

  const registry = useMemo<Registry>(
    () => ({
      add(bindings) {
        stack.current.push(bindings);
        return () => {
          stack.current = stack.current.filter((b) => b !== bindings);
        };
      },
      isMac,
      helpOpen,
      setHelpOpen,
    }),
    [isMac, helpOpen],
  );
  return <ShortcutsContext.Provider value={registry}>{children}</ShortcutsContext.Provider>;
}

/** Access to the shortcut registry (help overlay state, platform). */
export function useShortcutRegistry(): Registry {
  const r = useContext(ShortcutsContext);
  if (!r) throw new Error('useShortcutRegistry outside ShortcutsProvider');
  return r;
}

/**
 * Binds keys while the calling component is mounted. Handlers always see the latest props:
 * the bindings are re-registered only when `enabled` changes.
 *
 * @example
 * useShortcuts([{ combo: 'r', handler: openReply }, { combo: 'mod+enter', handler: send, allowInInputs: true }]);
 */
export function useShortcuts(bindings: Binding[], enabled = true): void {
  const registry = useContext(ShortcutsContext);
  const latest = useRef(bindings);
  latest.current = bindings;
  const combos = bindings.map((b) => `${b.combo}:${b.allowInInputs ? 1 : 0}`).join('|');
  useEffect(() => {
    if (!registry || !enabled) return;
    const proxies: Binding[] = latest.current.map((b, i) => ({
      combo: b.combo,
      allowInInputs: b.allowInInputs,
      when: b.when ? (e) => latest.current[i]?.when?.(e) ?? true : undefined,
      handler: (e) => latest.current[i]?.handler(e),
    }));
    return registry.add(proxies);
  }, [registry, enabled, combos]);
}
