import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { ApiError } from '../api/errors';
import { keys } from '../api/keys';
import type { Agent, Me } from '../api/types';
import { applyLocale, browserLocale } from '../i18n';
import { createFormatter, type Formatter } from '../lib/format';

/** Reads the signed-in agent; `null` when nobody is signed in (the session endpoint never answers 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const session = await api<Omit<Me, 'agent'> & { agent: Agent | null }>('/api/v1/auth/session', { allowAnonymous: true });
    setCsrfToken(session.csrfToken);
    return session.agent ? (session as Me) : null;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/**
 * Signs in through an endpoint that answers with a fresh CSRF token (the login, accepting an
 * invitation), loads the new session and continues to `to`. Failures are thrown to the form.
 */
export function useSignIn(): (path: string, body: unknown, to: string) => Promise<void> {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async (path, body, to) => {
    const res = await api<{ csrfToken: string }>(path, { body, allowAnonymous: true });
    setCsrfToken(res.csrfToken);
    client.setQueryData(keys.me, await fetchMe());
    navigate(to, { replace: true });
  };
}

/** The session query: the signed-in agent with teams and CSRF token. */
export function useMeQuery() {
  return useQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

export interface Session {
  agent: Agent;
  teamIds: string[];
  isAdmin: boolean;
  canWrite: boolean;
}

const SessionContext = createContext<Session | null>(null);
const FormatContext = createContext<Formatter>(createFormatter('en', undefined));

/** The signed-in agent; only valid inside the signed-in part of the app. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}

/** Date, time and number formatting in the agent's locale and time zone. */
export function useFormat(): Formatter {
  return useContext(FormatContext);
}

/**
 * Provides the session and formatting to the app, applies the agent's language, and resets to
 * the sign-in page when any call answers 401.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data: me } = useMeQuery();
  const { i18n } = useTranslation();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      client.setQueryData(keys.me, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [client]);

  const locale = me?.agent.locale ?? browserLocale();
  useEffect(() => applyLocale(locale), [locale]);

  const session = useMemo<Session | null>(
    () =>
      me
        ? { agent: me.agent, teamIds: me.teamIds, isAdmin: me.agent.role === 'admin', canWrite: me.agent.role !== 'readonly' }
        : null,
    [me],
  );
  const timeZone = me?.agent.timeZone;
  const format = useMemo(() => createFormatter(i18n.language || locale, timeZone), [i18n.language, locale, timeZone]);

  return (
    <SessionContext.Provider value={session}>
      <FormatContext.Provider value={format}>{children}</FormatContext.Provider>
    </SessionContext.Provider>
  );
}

/** For pages that work both signed in and out (they read the session if there is one). */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
