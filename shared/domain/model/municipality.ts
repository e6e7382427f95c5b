import * as z from 'zod';
import { CountryCode, Instant } from './instant.ts';
import { LocaleCode } from './roles.ts';

/** A contact: the minimum to reach a person. Personal data: never logged. */
export const Contact = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +359888123456')
      .optional(),
    locale: LocaleCode.optional(),
  })
  .refine((contact) => contact.email !== undefined || contact.phone !== undefined, {
    message: 'a contact needs an email or a phone number',
  });
/** A contact. */
export type Contact = z.infer<typeof Contact>;

/** The contact lists of a municipality, by the role they act in. */
export const Contacts = z.object({
  municipality: z.array(Contact).max(20).default([]),
  cag: z.array(Contact).max(50).default([]),
  /** The programme coordinator(s) to alert on escalation. */
  coordinator: z.array(Contact).max(10).default([]),
});
/** The contact lists of a municipality. */
export type Contacts = z.infer<typeof Contacts>;

/** No contacts at all (a new municipality, or one whose contacts were erased). */
export const noContacts = (): Contacts => ({ municipality: [], cag: [], coordinator: [] });

/** A municipality and its contact channels. */
export const Municipality = z.object({
  municipalityId: z.string(),
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  locale: LocaleCode,
  timeZone: z.string().min(1).max(64),
  contacts: Contacts.default(noContacts),
  updatedAt: Instant,
  /** Guards conditional updates; data written before versions existed reads as version 1. */
  version: z.int().min(1).default(1),
});
/** A municipality and its contacts. */
export type Municipality = z.infer<typeof Municipality>;
