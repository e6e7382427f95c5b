/**
 * The shapes the API answers with (see /work/brief web-api contract and `GET /openapi.json`). Written out here
 * because the browser build cannot import the server's zod modules; only what the pages read is listed.
 */

export type Role = 'coordinator' | 'municipality' | 'cag';
export type Locale = 'en' | 'bg' | 'hu' | 'it' | 'ro' | 'sk';
export type LocalizedText = { en: string } & Partial<Record<Locale, string>>;
export type CycleStatus =
  | 'RUNNING'
  | 'STALLED'
  | 'COMPLETED'
  | 'PLAN_REJECTED'
  | 'CANCELLED'
  | 'ABANDONED'
  | 'FAILED';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Task {
  taskId: string;
  cycleId: string;
  templateId: string;
  municipalityId: string;
  municipalityName?: string;
  country: string;
  phase: string;
  taskKey: string;
  revision: number;
  kind: 'task' | 'stall-resolution';
  assignee: Role;
  output: string;
  status: 'OPEN' | 'COMPLETED' | 'CANCELLED';
  dueAt: string;
  hardStopAt: string;
  openedAt: string;
  completedAt?: string;
  completedBy?: string;
  cancelledAt?: string;
  result?: unknown;
  summary?: Record<string, string>;
  stalledTaskId?: string;
  title?: LocalizedText;
  overdue: boolean;
  extensions: number;
}

export interface PhaseRun {
  phase: string;
  revision: number;
  startedAt: string;
  endedAt?: string;
  plannedDueAt?: string;
  late?: boolean;
}

/** Who did something: a person (name at the time, role, whom they acted for), the workflow, or a script. */
export type Actor =
  | {
      kind: 'person';
      userId: string;
      name: string;
      role: string;
      membershipId?: string;
      onBehalfOf?: { userId: string; name: string }[];
    }
  | { kind: 'workflow' }
  | { kind: 'script'; role: string }
  | string;

export interface AuditEvent {
  eventId: string;
  at: string;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
}

export interface Cycle {
  cycleId: string;
  templateId: string;
  templateVersion: number;
  municipalityId: string;
  country: string;
  status: CycleStatus;
  currentPhase: string;
  revision: number;
  previousCycleId?: string;
  nextCycleId?: string;
  startedAt: string;
  endedAt?: string;
}

export interface CycleDetail extends Cycle {
  municipalityName?: string;
  phases: PhaseRun[];
  tasks: Task[];
  audit: AuditEvent[];
}

export interface TemplateTask {
  key: string;
  title: string;
  description?: string;
  assignee: Role;
  output: string;
  due?: unknown;
}

export interface TemplatePhase {
  key: string;
  kind?: string;
  title: string;
  approval?: { backTo: string; maxRevisions: number };
  tasks: TemplateTask[];
}

/** A JSON Schema as the API serves it (2020-12, generated from the zod schema that validates completions). */
export type JsonSchema = Record<string, unknown>;

export interface Template {
  id: string;
  version: number;
  title: string;
  phases: TemplatePhase[];
  outputs: Record<string, { schema: JsonSchema }>;
}

export interface Channel {
  type: 'email' | 'sms';
  address: string;
  /** Set once a code sent to this address was used. */
  verifiedAt?: string;
}

export interface Membership {
  membershipId: string;
  role: Role;
  countries?: string[];
  municipalityId?: string;
  country?: string;
  /** The municipality's name, sent with every membership of a municipality. */
  municipalityName?: string;
}

export interface User {
  userId: string;
  displayName: string;
  locale: Locale;
  timeZone: string;
  channels: Channel[];
  preferences: {
    /** Unset: every channel the person has. */
    channels?: ('email' | 'sms')[];
    quietHours?: { start: string; end: string } | null;
  };
}

export interface Me {
  user: User;
  memberships: Membership[];
  activeMembershipId: string;
}

export interface Session extends Me {
  accessToken: string;
  expiresIn: number;
}

/** One municipality a coordinator oversees (`GET /portfolio`): its current cycle against the plan. */
export interface PortfolioItem {
  municipality: { municipalityId: string; name: string; country: string };
  /** Absent while the municipality has never had a cycle. */
  cycle?: {
    cycleId: string;
    templateId: string;
    templateVersion?: number;
    status: CycleStatus;
    currentPhase: string;
    revision?: number;
    startedAt: string;
    endedAt?: string;
    phases: PhaseRun[];
  };
  openTasks: number;
  overdueTasks: number;
  /** An open task is past its due date. */
  late?: boolean;
  stalled: boolean;
  nextDueAt?: string;
  /** The coordinator's open task that resumes or cancels the stalled cycle. */
  stallTaskId?: string;
}

export interface Member {
  membershipId: string;
  userId: string;
  displayName: string;
  role: Role;
  /** Shown to coordinators and staff; a CAG member sees only their own. */
  channels?: Channel[];
}

/** A message for the caller (GET /notifications): its sentence with its link, and whether it went out. */
export interface Notification {
  messageId: string;
  channel?: 'email' | 'sms';
  municipalityId: string;
  municipalityName?: string;
  cycleIds: string[];
  taskIds?: string[];
  kinds: string[];
  subject?: string;
  text: string;
  link?: string;
  createdAt: string;
  status?: 'PENDING' | 'SENDING' | 'SENT' | 'UNDELIVERABLE';
}
