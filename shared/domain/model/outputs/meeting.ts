import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import { Role } from '../roles.ts';
import {
  about,
  ahead,
  ItemId,
  kind,
  longText,
  memberRef,
  type RuleViolation,
  reference,
  shortText,
  withinCycle,
} from './kind.ts';

/** One decision of a meeting: what, who owns it, by when, and the priority or action it serves. */
const Decision = about(
  'meeting-minutes.decision',
  z.strictObject({
    decision: about('meeting-minutes.decision.decision', shortText),
    owner: about('meeting-minutes.decision.owner', Role),
    dueOn: about('meeting-minutes.decision.dueOn', CalendarDate),
    linksTo: about('meeting-minutes.decision.linksTo', ItemId).optional(),
  }),
);
/** One decision of a meeting. */
export type MeetingDecision = z.infer<typeof Decision>;

/**
 * The minutes of one joint meeting, run from an agenda: who attended (per person), what was decided (each
 * decision becomes a follow-up task for its owner), how many paper copies went to members without internet,
 * and whether another meeting follows or the group marks the phase done.
 */
export const MeetingMinutes = about(
  'meeting-minutes',
  z.strictObject({
    heldOn: about('meeting-minutes.heldOn', CalendarDate),
    place: about('meeting-minutes.place', shortText),
    agenda: about(
      'meeting-minutes.agenda',
      z.array(about('meeting-minutes.agendaItem', shortText)).min(1).max(30),
    ),
    participants: about('meeting-minutes.participants', z.int().min(1).max(100_000)),
    attendance: about(
      'meeting-minutes.attendance',
      z
        .array(
          about(
            'meeting-minutes.attendee',
            z.strictObject({
              member: about('meeting-minutes.attendee.member', memberRef),
              side: about('meeting-minutes.attendee.side', Role),
            }),
          ),
        )
        .min(1)
        .max(1_000),
    ),
    minutes: about('meeting-minutes.minutes', longText).optional(),
    minutesReference: about('meeting-minutes.minutesReference', reference).optional(),
    decisions: about('meeting-minutes.decisions', z.array(Decision).max(50)),
    paperCopies: about('meeting-minutes.paperCopies', z.int().min(0).max(1_000)),
    next: about('meeting-minutes.next', z.enum(['another-meeting', 'phase-done'])),
  }),
);
/** The minutes of one meeting. */
export type MeetingMinutes = z.infer<typeof MeetingMinutes>;

/**
 * Minutes that hold together: held within the cycle, attendance not above the participants and each person
 * once, enough CAG members present, the minutes written or filed, decisions due ahead, and the phase marked
 * done only after the template's minimum number of meetings.
 */
export const meetingMinutes = kind({
  schema: MeetingMinutes,
  summarize: (output) => ({ next: output.next === 'another-meeting' ? 'another-round' : 'phase-done' }),
  rules: (output, context) => {
    const violations: RuleViolation[] = [...withinCycle(output.heldOn, 'heldOn', context)];
    if (output.attendance.length > output.participants)
      violations.push({ path: 'attendance', message: 'cannot list more people than the participants' });
    const seen = new Set<string>();
    output.attendance.forEach((attendee, index) => {
      if (seen.has(attendee.member))
        violations.push({ path: `attendance.${index}.member`, message: 'listed twice' });
      seen.add(attendee.member);
    });
    const minimum = context.parameters.minCagMembersPresent ?? 0;
    const cagPresent = output.attendance.filter((attendee) => attendee.side === 'cag').length;
    if (cagPresent < minimum)
      violations.push({
        path: 'attendance',
        message: `at least ${minimum} CAG members must be present (were ${cagPresent})`,
      });
    if (!output.minutes && !output.minutesReference)
      violations.push({
        path: 'minutes',
        message: 'write the minutes, or give the reference where they are filed',
      });
    output.decisions.forEach((decision, index) => {
      violations.push(...ahead(decision.dueOn, `decisions.${index}.dueOn`, context));
    });
    const minMeetings = context.parameters.minMeetings ?? 1;
    const held = (context.round ?? 0) + 1;
    if (output.next === 'phase-done' && held < minMeetings)
      violations.push({
        path: 'next',
        message: `at least ${minMeetings} meetings are needed before the phase is done (this is meeting ${held})`,
      });
    return violations;
  },
});

/** What the owner of a meeting's decision reports when it is done. */
export const FollowUpReport = about(
  'follow-up-report',
  z.strictObject({
    status: about('follow-up-report.status', z.enum(['done', 'dropped'])),
    doneOn: about('follow-up-report.doneOn', CalendarDate),
    note: about('follow-up-report.note', longText).optional(),
  }),
);

/** A follow-up done (or dropped, with a note why), within the cycle. */
export const followUpReport = kind({
  schema: FollowUpReport,
  summarize: () => ({}),
  rules: (output, context) => [
    ...withinCycle(output.doneOn, 'doneOn', context),
    ...(output.status === 'dropped' && !output.note
      ? [{ path: 'note', message: 'say why the follow-up was dropped' }]
      : []),
  ],
});
