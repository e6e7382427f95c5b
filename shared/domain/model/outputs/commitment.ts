import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import { about, kind, memberRef, reference, shortText, withinCycle } from './kind.ts';

/** What a municipality commits to when it joins the programme (its letter of commitment, as a checklist). */
export const MunicipalCommitment = z.enum([
  'appoint-contact-person',
  'support-community-action-group',
  'joint-planning',
  'include-plan-in-strategy',
  'allocate-budget',
  'share-data',
]);

/** The mayor's signed letter of commitment (or memorandum of understanding) that starts the programme. */
export const CommitmentLetter = about(
  'commitment-letter',
  z.strictObject({
    document: about(
      'commitment-letter.document',
      z.enum(['letter-of-commitment', 'memorandum-of-understanding']),
    ),
    signedOn: about('commitment-letter.signedOn', CalendarDate),
    signatory: about('commitment-letter.signatory', shortText),
    documentReference: about('commitment-letter.documentReference', reference),
    contactPerson: about('commitment-letter.contactPerson', memberRef),
    neighbourhoods: about(
      'commitment-letter.neighbourhoods',
      z.array(about('commitment-letter.neighbourhood', shortText)).min(1).max(100),
    ),
    commitments: about(
      'commitment-letter.commitments',
      z.array(about('commitment-letter.commitment', MunicipalCommitment)).min(1).max(6),
    ),
  }),
);

/** The commitment: signed within the cycle, each commitment ticked once, the contact person named. */
export const commitmentLetter = kind({
  schema: CommitmentLetter,
  summarize: () => ({}),
  rules: (output, context) => [
    ...withinCycle(output.signedOn, 'signedOn', context),
    ...output.commitments.flatMap((commitment, index) =>
      output.commitments.indexOf(commitment) === index
        ? []
        : [{ path: `commitments.${index}`, message: `"${commitment}" is ticked twice` }],
    ),
    ...(output.commitments.includes('appoint-contact-person')
      ? []
      : [{ path: 'commitments', message: 'the municipality must appoint a contact person' }]),
  ],
});
