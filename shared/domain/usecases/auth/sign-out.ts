import { parseRefreshToken, refreshHash } from '../../ops/sessions.ts';
import type { Ports } from '../../ports.ts';

/** Ends the session a refresh token belongs to (its access token runs out within minutes). */
export async function signOut(
  deps: Pick<Ports, 'signIn' | 'clock'>,
  refreshToken: string | undefined,
): Promise<void> {
  const parsed = refreshToken ? parseRefreshToken(refreshToken) : undefined;
  if (!parsed) return;
  const session = await deps.signIn.getSession(parsed.sessionId);
  if (!session || session.revokedAt) return;
  const presented = refreshHash(parsed.secret);
  if (presented !== session.refreshHash && presented !== session.previousHash) return;
  await deps.signIn
    .updateSession(session, { revokedAt: deps.clock.now().toISOString() })
    .catch(() => undefined);
}
