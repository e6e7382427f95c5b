import type { CycleRecord } from '../ports.ts';
import type { Cycle } from './cycle.ts';
import { localDate } from './dates.ts';
import type { Municipality } from './municipality.ts';
import type { Task } from './task.ts';

/**
 * Open data: what a cycle achieved, with no personal data. Only structured facts of the plan leave the
 * engine — phases and their dates, priority areas and agreed priorities, actions, funding applications and
 * amounts, indicators — never a person's name, contact, comment, attachment, free-text reason or document
 * reference. docs/open-data.md is the data dictionary; the column names are a published interface.
 */

/** The version of the export's schema: a change of meaning or a removed column is a new version. */
export const OPEN_DATA_SCHEMA_VERSION = '1';

/** The licence exports carry unless a deployment names another (an SPDX id). */
export const DEFAULT_OPEN_DATA_LICENCE = 'CC-BY-4.0';

/** The kinds of record a cycle contributes, one CSV row each. */
export type OpenDataRecordType = 'cycle' | 'phase' | 'priority' | 'action' | 'application' | 'indicator';

/** The CSV's columns, in order: stable names, documented in docs/open-data.md. */
export const OPEN_DATA_COLUMNS = [
  'schema_version',
  'licence',
  'cycle_id',
  'programme',
  'template_version',
  'country',
  'municipality_id',
  'municipality_name',
  'cycle_status',
  'record_type',
  'record_key',
  'label',
  'area',
  'status',
  'planned_on',
  'started_on',
  'completed_on',
  'amount',
  'currency',
  'funding_programme',
  'baseline',
  'target',
  'actual',
] as const;
/** One column of the export. */
export type OpenDataColumn = (typeof OPEN_DATA_COLUMNS)[number];
/** One row: its columns, absent where they do not apply. */
export type OpenDataRow = Partial<Record<OpenDataColumn, string | number>>;

/** A cycle as the JSON export holds it: the cycle's own facts and its records by type. */
export interface OpenDataCycle {
  cycleId: string;
  programme: string;
  templateVersion: number;
  country: string;
  municipalityId: string;
  municipalityName: string;
  status: string;
  startedOn: string;
  endedOn?: string;
  phases: OpenDataRow[];
  priorities: OpenDataRow[];
  actions: OpenDataRow[];
  applications: OpenDataRow[];
  indicators: OpenDataRow[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const defined = (row: OpenDataRow): OpenDataRow =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== ''));

/** Tasks whose results count: completed ones, the latest revision of each task key. */
function completedResults(tasks: readonly Task[]): Task[] {
  const latest = new Map<string, Task>();
  for (const task of tasks) {
    if (task.status !== 'COMPLETED' || task.kind !== 'task') continue;
    const held = latest.get(task.taskKey);
    if (!held || held.revision < task.revision) latest.set(task.taskKey, task);
  }
  return [...latest.values()];
}

/** A cycle's open data. */
export function openDataOf(record: CycleRecord, municipality: Pick<Municipality, 'name' | 'timeZone'>) {
  const { cycle } = record;
  const zone = cycle.timeZone ?? municipality.timeZone;
  const day = (instant: string | undefined) => (instant ? localDate(instant, zone) : undefined);
  const phases = [...record.phases]
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.revision - b.revision)
    .map((run) => {
      const due = record.tasks
        .filter((task) => task.phase === run.phase && task.revision === run.revision && task.kind === 'task')
        .map((task) => task.dueAt)
        .sort()
        .at(-1);
      return defined({
        record_key: `${run.phase}.r${run.revision}`,
        label: run.phase,
        status: run.endedAt ? 'ended' : 'running',
        planned_on: day(due),
        started_on: day(run.startedAt),
        completed_on: day(run.endedAt),
      });
    });
  const priorities: OpenDataRow[] = [];
  const actions: OpenDataRow[] = [];
  const applications: OpenDataRow[] = [];
  const indicators: OpenDataRow[] = [];
  for (const task of completedResults(record.tasks)) {
    const result = isRecord(task.result) ? task.result : {};
    const completed = day(task.completedAt);
    arrayOf(result.priorities).forEach((priority, index) => {
      priorities.push(defined({ record_key: `${task.taskKey}.${index}`, area: text(priority.area) }));
    });
    (Array.isArray(result.agreedPriorities) ? result.agreedPriorities : []).forEach((agreed, index) => {
      priorities.push(
        defined({ record_key: `${task.taskKey}.agreed.${index}`, label: text(agreed), status: 'agreed' }),
      );
    });
    arrayOf(result.actions).forEach((action, index) => {
      actions.push(
        defined({
          record_key: `${task.taskKey}.${index}`,
          label: text(action.title),
          area: text(action.area),
          status: text(action.status),
          planned_on: text(action.dueOn) ?? text(action.plannedOn),
          completed_on: text(action.completedOn),
          amount: number(action.budget) ?? number(action.amount),
          currency: text(action.currency),
        }),
      );
    });
    arrayOf(result.applications).forEach((application, index) => {
      applications.push(
        defined({
          record_key: `${task.taskKey}.${index}`,
          label: text(application.title),
          funding_programme: text(application.programme),
          status: text(application.status) ?? 'submitted',
          completed_on: text(application.submittedOn) ?? completed,
          amount: number(application.amount),
          currency: text(application.currency),
        }),
      );
    });
    arrayOf(result.indicators).forEach((indicator, index) => {
      indicators.push(
        defined({
          record_key: `${task.taskKey}.${index}`,
          label: text(indicator.indicator),
          area: text(indicator.priority),
          baseline: number(indicator.baseline),
          target: number(indicator.target),
          actual: number(indicator.achieved),
          completed_on: completed,
        }),
      );
    });
  }
  const json: OpenDataCycle = {
    cycleId: cycle.cycleId,
    programme: cycle.templateId,
    templateVersion: cycle.templateVersion,
    country: cycle.country,
    municipalityId: cycle.municipalityId,
    municipalityName: municipality.name,
    status: cycle.status,
    startedOn: localDate(cycle.startedAt, zone),
    ...(cycle.endedAt ? { endedOn: localDate(cycle.endedAt, zone) } : {}),
    phases,
    priorities,
    actions,
    applications,
    indicators,
  };
  return json;
}

/** The CSV rows of a cycle's open data: the cycle's own row, then one per record. */
export function openDataRows(data: OpenDataCycle, licence: string): OpenDataRow[] {
  const common: OpenDataRow = {
    schema_version: OPEN_DATA_SCHEMA_VERSION,
    licence,
    cycle_id: data.cycleId,
    programme: data.programme,
    template_version: data.templateVersion,
    country: data.country,
    municipality_id: data.municipalityId,
    municipality_name: data.municipalityName,
    cycle_status: data.status,
  };
  const typed = (type: OpenDataRecordType, rows: OpenDataRow[]) =>
    rows.map((row) => ({ ...common, record_type: type, ...row }));
  return [
    {
      ...common,
      record_type: 'cycle',
      record_key: data.cycleId,
      started_on: data.startedOn,
      ...(data.endedOn ? { completed_on: data.endedOn } : {}),
    },
    ...typed('phase', data.phases),
    ...typed('priority', data.priorities),
    ...typed('action', data.actions),
    ...typed('application', data.applications),
    ...typed('indicator', data.indicators),
  ];
}

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). A text starting with = + - @
 * or a tab is prefixed with a quote mark, so a spreadsheet shows it rather than running it as a formula.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of a row, in the column order. */
export function csvLine(row: OpenDataRow): string {
  return `${OPEN_DATA_COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n`;
}

/** The header line. */
export const CSV_HEADER = `${OPEN_DATA_COLUMNS.join(',')}\r\n`;

/** Only cycles of this programme (template id), when the export is per programme. */
export const inProgramme = (cycle: Cycle, programme?: string) => !programme || cycle.templateId === programme;
