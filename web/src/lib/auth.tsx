import i18next from 'i18next';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, api, NetworkError, setAccessToken, setUnauthorizedHandler } from './api-client.ts';
import type { Locale, Me, Membership, Session } from './api-types.ts';
import { isLocale, rememberLocale } from './i18n.ts';
import { type Channel, sessionTransport } from './session-transport.ts';

/**
 * Sign-in by a one-time code. The access token is kept in memory only (api-client). Locally the refresh token
 * is an httpOnly cookie the script never sees, sent only to `/auth/*` with the CSRF header; on AWS the app signs
 * in with Cognito (lib/session-transport.ts). On load the app asks for a token; it refreshes a minute before
 * expiry.
 */

export type { Channel };

type Status = 'loading' | 'signed-out' | 'signed-in' | 'unreachable';

interface AuthContextValue {
  status: Status;
  session: Me | undefined;
  activeMembership: Membership | undefined;
  startSignIn(channel: Channel, address: string): Promise<{ expiresInSeconds: number }>;
  verifyCode(channel: Channel, address: string, code: string): Promise<Me>;
  switchMembership(membershipId: string): Promise<void>;
  signOut(): Promise<void>;
  updateMe(
    patch: Partial<Pick<Me['user'], 'displayName' | 'locale' | 'timeZone' | 'preferences'>>,
  ): Promise<Me>;
  retry(): void;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

let bootRefresh: Promise<Session> | undefined;

/**
 * Asks for a session as the page boots, before React renders, so the round trip overlaps with loading the
 * language catalogue instead of following it (the first screen on a slow phone network comes sooner).
 */
export function startSessionRefresh() {
  bootRefresh = sessionTransport().then((transport) => transport.refresh());
  bootRefresh.catch(() => undefined);
}

const REFRESH_MARGIN_SECONDS = 60;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [session, setSession] = useState<Me>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const expiresAt = useRef(0);
  // The refresh timer calls the latest refresh without making adopt and refresh depend on each other.
  const refreshLater = useRef<() => void>(() => undefined);

  const adopt = useCallback((next: Session) => {
    setAccessToken(next.accessToken);
    expiresAt.current = Date.now() + next.expiresIn * 1000;
    const { accessToken: _token, expiresIn: _expires, ...me } = next;
    setSession(me);
    setStatus('signed-in');
    // The i18next instance itself, not the hook: the provider must never suspend while a catalogue loads (it
    // would remount, and a remount asks for a second refresh with a cookie the first is about to rotate).
    if (isLocale(me.user.locale) && me.user.locale !== i18next.language) {
      const locale = me.user.locale;
      void i18next.loadLanguages(locale).then(() => i18next.changeLanguage(locale));
      rememberLocale(me.user.locale);
    }
    clearTimeout(timer.current);
    const delay = Math.max(10, next.expiresIn - REFRESH_MARGIN_SECONDS) * 1000;
    timer.current = setTimeout(() => refreshLater.current(), delay);
  }, []);

  const signedOut = useCallback(() => {
    clearTimeout(timer.current);
    setAccessToken(undefined);
    setSession(undefined);
    setStatus('signed-out');
  }, []);

  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const refreshOnce = useCallback(
    async (membershipId?: string) => {
      try {
        const early = membershipId ? undefined : bootRefresh;
        bootRefresh = undefined;
        const next = await (early ?? (await sessionTransport()).refresh(membershipId));
        adopt(next);
      } catch (error) {
        if (error instanceof NetworkError) {
          // Keep a valid token; say so only when nothing else works.
          if (Date.now() >= expiresAt.current) setStatus('unreachable');
          else timer.current = setTimeout(() => refreshLater.current(), 30_000);
          return;
        }
        signedOut();
      }
    },
    [adopt, signedOut],
  );
  /**
   * One refresh at a time: the refresh token rotates on every use, and the server revokes a session whose old
   * token comes back. Callers that ask while one is under way share it.
   */
  const refresh = useCallback(
    (membershipId?: string) => {
      if (membershipId) return refreshOnce(membershipId);
      inFlight.current ??= refreshOnce().finally(() => {
        inFlight.current = undefined;
      });
      return inFlight.current;
    },
    [refreshOnce],
  );

  refreshLater.current = () => void refresh();

  useEffect(() => {
    void refresh();
    setUnauthorizedHandler(() => void refresh());
    // A laptop that slept past the expiry refreshes when it wakes.
    const onVisible = () => {
      if (
        document.visibilityState === 'visible' &&
        expiresAt.current &&
        Date.now() > expiresAt.current - 30_000
      )
        void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer.current);
      setUnauthorizedHandler(undefined);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      session,
      activeMembership: session?.memberships.find((m) => m.membershipId === session.activeMembershipId),
      startSignIn: async (channel, address) => (await sessionTransport()).start(channel, address),
      verifyCode: async (channel, address, code) => {
        const next = await (await sessionTransport()).verify(channel, address, code);
        adopt(next);
        const { accessToken: _token, expiresIn: _expires, ...me } = next;
        return me;
      },
      switchMembership: (membershipId) => refresh(membershipId),
      signOut: async () => {
        try {
          await (await sessionTransport()).signOut();
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
        }
        signedOut();
      },
      updateMe: async (patch) => {
        // PATCH /me answers with the person as GET /me shows them.
        const updated = await api<Me>('PATCH', '/me', { body: patch });
        setSession(updated);
        // A language chosen in the settings is the app's language from now on, on this device too.
        if (isLocale(updated.user.locale) && updated.user.locale !== i18next.language) {
          const locale = updated.user.locale;
          rememberLocale(locale);
          await i18next.loadLanguages(locale);
          await i18next.changeLanguage(locale);
        }
        return updated;
      },
      retry: () => {
        setStatus('loading');
        void refresh();
      },
    }),
    [status, session, adopt, refresh, signedOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** Changes the language: on this device at once, and in the user's profile when signed in. */
export function useChangeLanguage() {
  const { status, updateMe } = useAuth();
  return async (locale: Locale) => {
    rememberLocale(locale);
    // Load the catalogue first, so the switch is one step and no page suspends half-way.
    await i18next.loadLanguages(locale);
    await i18next.changeLanguage(locale);
    if (status === 'signed-in') await updateMe({ locale }).catch(() => undefined);
  };
}
