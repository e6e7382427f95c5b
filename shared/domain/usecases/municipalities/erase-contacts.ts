import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import { type Municipality, noContacts } from '../../model/municipality.ts';
import type { Ports } from '../../ports.ts';

/** Erases a municipality's contacts (the right to erasure); its cycles keep no contact data. */
export async function eraseContacts(
  deps: Pick<Ports, 'municipalities' | 'notifier'>,
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
  return { ...municipality, contacts: noContacts() };
}
