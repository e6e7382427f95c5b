import * as z from 'zod';
import { Instant } from './instant.ts';

/** A one-time sign-in code sent to an address: stored hashed, single use, a few tries, a short life. */
export const SignInCode = z.object({
  /** The hashed address it was sent to (the address itself is not stored here). */
  addressKey: z.string(),
  userId: z.string(),
  channel: z.enum(['email', 'sms']),
  salt: z.string(),
  codeHash: z.string(),
  attempts: z.int().min(0),
  expiresAt: Instant,
  createdAt: Instant,
  /** An invitation's code lives longer than a sign-in's. */
  purpose: z.enum(['sign-in', 'invitation']),
});
/** A one-time sign-in code. */
export type SignInCode = z.infer<typeof SignInCode>;

/** A signed-in device: its refresh token rotates at every use, and a reused old one ends the session. */
export const Session = z.object({
  sessionId: z.string(),
  userId: z.string(),
  refreshHash: z.string(),
  /**
   * The hash of the token before the last rotation: presented again within the grace period after the rotation
   * (a page reloaded while its refresh was under way) it gets the same next token; later, it was stolen.
   */
  previousHash: z.string().optional(),
  /** When the token last rotated. */
  rotatedAt: Instant.optional(),
  /**
   * The session's key for deriving each next refresh token from the one presented (HMAC): a retry gets the same
   * answer, and any older token of the session is recognised as reuse. Stored with the session, never sent.
   */
  rotationKey: z.string().optional(),
  createdAt: Instant,
  expiresAt: Instant,
  revokedAt: Instant.optional(),
  version: z.int().min(1),
});
/** A signed-in device. */
export type Session = z.infer<typeof Session>;
