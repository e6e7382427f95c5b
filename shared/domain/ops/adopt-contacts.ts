import type { Contacts, Municipality } from '../model/municipality.ts';
import { addAddress, findOrCreatePerson, grantMembership, type PersonPorts } from './people.ts';

/**
 * Turns a municipality's contact list into people with memberships: each contact becomes (or is found as) a
 * person with their email and phone, a member of the municipality in the list's role (the coordinators' list
 * makes coordinators of its country). Notifications then go to people, in their language, on their channels.
 * Repeatable: the same contacts find the same people and memberships.
 */
export async function adoptContacts(
  deps: PersonPorts,
  municipality: Municipality,
  contacts: Contacts,
  invitedBy?: string,
): Promise<number> {
  let adopted = 0;
  for (const role of ['municipality', 'cag', 'coordinator'] as const) {
    for (const contact of contacts[role]) {
      const first = contact.email
        ? { type: 'email' as const, address: contact.email }
        : { type: 'sms' as const, address: contact.phone ?? '' };
      const fallbackName =
        first.type === 'email' ? (first.address.split('@')[0] ?? first.address) : first.address;
      let { user } = await findOrCreatePerson(deps, {
        displayName: contact.name ?? fallbackName,
        locale: contact.locale ?? municipality.locale,
        timeZone: municipality.timeZone,
        channel: first,
      });
      if (contact.email && contact.phone && !user.channels.some((channel) => channel.type === 'sms')) {
        // A phone someone else holds stays theirs; the contact keeps their email.
        ({ user } = await addAddress(deps, user, { type: 'sms', address: contact.phone }));
      }
      await grantMembership(
        deps,
        role === 'coordinator'
          ? {
              userId: user.userId,
              role,
              countries: [municipality.country],
              ...(invitedBy ? { invitedBy } : {}),
            }
          : {
              userId: user.userId,
              role,
              municipalityId: municipality.municipalityId,
              country: municipality.country,
              ...(invitedBy ? { invitedBy } : {}),
            },
      );
      adopted += 1;
    }
  }
  return adopted;
}
