import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';

interface TicketNavigation {
  /** The list the agent last worked in: its ticket ids in order and its URL. */
  setList(ids: string[], path: string): void;
  neighbour(id: string, step: 1 | -1): string | null;
  listPath(): string | null;
}

const Context = createContext<TicketNavigation | null>(null);

/** Remembers the last ticket list so the ticket page can go to the next or previous ticket. */
export function TicketNavigationProvider({ children }: { children: ReactNode }) {
  const list = useRef<{ ids: string[]; path: string } | null>(null);
  const setList = useCallback((ids: string[], path: string) => {
    list.current = { ids, path };
  }, []);
  const value = useMemo<TicketNavigation>(
    () => ({
      setList,
      neighbour(id, step) {
        const ids = list.current?.ids ?? [];
        const i = ids.indexOf(id);
        if (i < 0) return null;
        return ids[i + step] ?? null;
      },
      listPath: () => list.current?.path ?? null,
    }),
    [setList],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The remembered ticket list (see TicketNavigationProvider). */
export function useTicketNavigation(): TicketNavigation {
  const v = useContext(Context);
  if (!v) throw new Error('useTicketNavigation outside its provider');
  return v;
}
