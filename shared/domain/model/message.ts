import * as z from 'zod';
import { Instant } from './instant.ts';

/**
 * A message to one person on one channel, stored before it is sent: a crash between sending and recording can
 * only send the same message again under the same id (which the transports drop), and quiet hours only delay
 * it. A notification nobody could receive is stored too, as UNDELIVERABLE, for the coordinators to see.
 */
export const Message = z.object({
  messageId: z.string(),
  /** The person it is for; absent when nobody could receive it. */
  userId: z.string().optional(),
  channel: z.enum(['email', 'sms']).optional(),
  role: z.enum(['municipality', 'cag', 'coordinator']),
  locale: z.string(),
  municipalityId: z.string(),
  country: z.string(),
  cycleIds: z.array(z.string()),
  taskIds: z.array(z.string()),
  notificationIds: z.array(z.string()),
  kinds: z.array(z.string()),
  /** The municipality's name, for the subject line. */
  municipalityName: z.string(),
  /** This notification's sentence, with its link: a digest joins the sentences of the messages sent together. */
  text: z.string(),
  link: z.string().optional(),
  createdAt: Instant,
  /** Not before this instant (the end of the recipient's quiet hours). */
  sendAfter: Instant,
  /**
   * PENDING: waiting for its time. SENDING: claimed into a delivery (`deliveryId`) until `leaseUntil`; a
   * delivery that was not confirmed by then is sent again under the same id. SENT. UNDELIVERABLE: nobody to
   * send it to.
   */
  status: z.enum(['PENDING', 'SENDING', 'SENT', 'UNDELIVERABLE']),
  deliveryId: z.string().optional(),
  leaseUntil: Instant.optional(),
  sentAt: Instant.optional(),
});
/** A stored message. */
export type Message = z.infer<typeof Message>;
