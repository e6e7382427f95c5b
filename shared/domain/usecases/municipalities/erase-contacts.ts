import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import { type Municipality, noContacts } from '../../model/municipality.ts';
import { erasePerson } from '../../ops/erase-person.ts';
import type { Ports } from '../../ports.ts';

/**
 * Erases a municipality's contacts (the right to erasure); its cycles keep no contact data. Contacts given to
 * the municipality became its members, so those go too: each member's membership here ends, and a member of
 * nowhere else is erased as a person (addresses, name, messages, the outbox's copies). Before, the record
 * answered "no contacts" while every address lived on in the people made from it.
 */
export async function eraseContacts(
  deps: Pick<Ports, 'municipalities' | 'notifier' | 'users' | 'messages' | 'audit' | 'clock'>,
  caller: Caller,
  municipalityId: string,
): Promise<Municipality> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  if (caller.role === 'cag') throw new ForbiddenError('The coordinator or the municipality erases contacts');
  await deps.municipalities.eraseContacts(municipalityId);
  // Copies of messages the transport keeps (the local outbox) lose the addresses too.
  const { contacts } = municipality;
  const addresses = [...contacts.municipality, ...contacts.cag, ...contacts.coordinator].flatMap((contact) =>
    [contact.email, contact.phone].filter((address): address is string => Boolean(address)),
  );
  if (addresses.length) await deps.notifier.forget?.(addresses);
  for (const membership of await deps.users.membersOf(municipalityId)) {
    await deps.users.removeMembership(membership);
    const user = await deps.users.get(membership.userId);
    if (user && user.status !== 'ERASED' && (await deps.users.memberships(user.userId)).length === 0)
      await erasePerson(deps, user);
  }
  return { ...municipality, contacts: noContacts() };
}
