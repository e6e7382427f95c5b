import { InvalidInputError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import { type Cycle, type CycleStatus, liveStatuses } from '../../model/cycle.ts';
import { type CycleProgress, cycleProgress, type PhaseProgress } from '../../model/cycle-progress.ts';
import type { Municipality } from '../../model/municipality.ts';
import type { Page, Ports } from '../../ports.ts';

/** How a portfolio is ordered: what needs attention first (stalled, then late), what falls due first, or by id. */
export const PORTFOLIO_SORTS = ['attention', 'due', 'municipality'] as const;
/** How a portfolio is ordered. */
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** What to show of a coordinator's portfolio. */
export interface PortfolioQuery {
  country?: string | undefined;
  municipalityId?: string | undefined;
  /** Only cycles whose current phase is this one. */
  phase?: string | undefined;
  status?: CycleStatus | undefined;
  /** Only municipalities with an overdue task. */
  late?: boolean | undefined;
  sort?: PortfolioSort | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** One municipality of the portfolio: its current (newest) cycle against the plan, and its open work. */
export interface PortfolioItem {
  municipality: Pick<Municipality, 'municipalityId' | 'name' | 'country'>;
  /** Absent while the municipality has never had a cycle. */
  cycle?: Pick<
    Cycle,
    'cycleId' | 'templateId' | 'templateVersion' | 'status' | 'currentPhase' | 'revision' | 'startedAt'
  > & { endedAt?: string; phases: PhaseProgress[] };
  openTasks: number;
  overdueTasks: number;
  /** An open task is past its due date. */
  late: boolean;
  /** The cycle waits for the coordinator to resume or cancel it. */
  stalled: boolean;
  nextDueAt?: string;
  /** The coordinator's open task that resumes or cancels the stalled cycle. */
  stallTaskId?: string;
}

/** A portfolio item with what the paging needs to know about it. */
interface Loaded {
  item: PortfolioItem;
  firstOpenTaskId?: string;
}

/** A candidate from a listing: a municipality, and the cycle or task that put it there. */
interface Candidate {
  municipalityId: string;
  /** Already read by the listing (municipalities by id). */
  municipality?: Municipality;
  cycleId?: string;
  taskId?: string;
}

/**
 * One stage of a portfolio's order: a store listing that yields candidates in order, and which of them this
 * stage shows (so each municipality is shown once, by the first stage whose rule it meets).
 */
interface Stage {
  name: 'stalled' | 'overdue' | 'open' | 'status' | 'all';
  list(limit: number, cursor: string | undefined): Promise<Page<Candidate>>;
  shows(loaded: Loaded, candidate: Candidate): boolean;
}

/**
 * The cost of one page is bounded whatever the data: it looks at no more than `EXAMINED_PER_ITEM × limit`
 * candidates from the store's listings (each costs at most three small reads: the municipality, its newest
 * cycle, and that cycle's phases and tasks; a municipality seen twice on a page is read once) and asks each
 * listing for no more than the items still missing. A page that runs out of budget ends early with a cursor:
 * like a DynamoDB query, a page may hold fewer than `limit` items and still not be the last.
 */
export const EXAMINED_PER_ITEM = 2;

/** The most items a portfolio page holds (each is a few reads: see EXAMINED_PER_ITEM). */
export const PORTFOLIO_MAX_LIMIT = 50;

const badCursor = () =>
  new InvalidInputError('The paging cursor is not one this API issued', [
    { path: 'cursor', message: 'must be a nextCursor from an earlier page of the same portfolio view' },
  ]);

/**
 * A coordinator's portfolio: for each municipality of their countries its current cycle, the phases against
 * their plan, open and overdue tasks, whether it is stalled and what is due next. By default stalled cycles
 * come first (oldest stall first), then late ones (longest overdue first), then the rest by municipality id.
 *
 * Each order is a chain of store listings read in turn (stalled cycles by country; open tasks by due date;
 * municipalities by id) and the cursor says which listing and where in it. Live data may move between two
 * pages: a municipality that becomes late after its page was read may be shown again or not at all until the
 * portfolio is read from the start.
 */
export async function listPortfolio(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'municipalities' | 'templates' | 'clock'>,
  caller: Caller,
  query: PortfolioQuery,
): Promise<Page<PortfolioItem>> {
  if (caller.role !== 'coordinator') return { items: [] };
  const countries = query.country ? [query.country] : caller.countries;
  if (countries.some((country) => !caller.countries.includes(country))) return { items: [] };
  const now = deps.clock.now();
  const limit = Math.min(query.limit, PORTFOLIO_MAX_LIMIT);
  const loaded = new Map<string, Promise<Loaded | undefined>>();
  const load = (municipalityId: string, known?: Municipality) => {
    let entry = loaded.get(municipalityId);
    if (!entry) {
      entry = loadItem(deps, municipalityId, known, now);
      loaded.set(municipalityId, entry);
    }
    return entry;
  };
  const matches = (one: Loaded) =>
    countries.includes(one.item.municipality.country) &&
    (!query.status || one.item.cycle?.status === query.status) &&
    (!query.phase || one.item.cycle?.currentPhase === query.phase) &&
    (!query.late || one.item.late);

  if (query.municipalityId) {
    if (query.cursor) throw badCursor();
    const one = await load(query.municipalityId);
    return { items: one && matches(one) ? [one.item] : [] };
  }

  const stages = plan(deps, countries, query, now);
  const position = readCursor(query.cursor, stages);
  let stageIndex = position.stage;
  let cursor = position.cursor;
  const items: PortfolioItem[] = [];
  let examined = 0;
  const budget = EXAMINED_PER_ITEM * limit;
  while (stageIndex < stages.length && items.length < limit && examined < budget) {
    const stage = stages[stageIndex] as Stage;
    // Never more than the items still missing: every candidate of a page is then used, so the listing's own
    // cursor is exactly where the next page starts.
    const page = await stage.list(Math.min(limit - items.length, budget - examined), cursor);
    examined += Math.max(1, page.items.length);
    const shown = await Promise.all(
      page.items.map(async (candidate) => {
        const one = await load(candidate.municipalityId, candidate.municipality);
        return one && matches(one) && stage.shows(one, candidate) ? one.item : undefined;
      }),
    );
    for (const item of shown) if (item && !items.includes(item)) items.push(item);
    if (page.nextCursor) {
      cursor = page.nextCursor;
    } else {
      stageIndex += 1;
      cursor = undefined;
    }
  }
  const nextCursor =
    stageIndex < stages.length ? `${(stages[stageIndex] as Stage).name}:${cursor ?? ''}` : undefined;
  return { items, ...(nextCursor ? { nextCursor } : {}) };
}

/** The listings a portfolio view reads in turn, each showing what the ones before it did not. */
function plan(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'municipalities'>,
  countries: readonly string[],
  query: PortfolioQuery,
  now: Date,
): Stage[] {
  const paging = (limit: number, cursor: string | undefined) => ({ limit, ...(cursor ? { cursor } : {}) });
  const cyclesWith = (status: CycleStatus, shows: Stage['shows']): Stage => ({
    name: status === 'STALLED' ? 'stalled' : 'status',
    list: async (limit, cursor) => {
      const page = await deps.cycles.listByCountries(countries, { ...paging(limit, cursor), status });
      return {
        items: page.items.map((cycle) => ({ municipalityId: cycle.municipalityId, cycleId: cycle.cycleId })),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },
    // Only the cycle that is its municipality's current one speaks for it.
    shows: (one, candidate) => one.item.cycle?.cycleId === candidate.cycleId && shows(one, candidate),
  });
  const openTasks = (name: 'overdue' | 'open', shows: Stage['shows']): Stage => ({
    name,
    list: async (limit, cursor) => {
      const page = await deps.tasks.listOpenInCountries(countries, {
        ...paging(limit, cursor),
        // Overdue as `isOverdue` says: due at or before now (the listing's bound is exclusive).
        ...(name === 'overdue' ? { dueBefore: new Date(now.getTime() + 1).toISOString() } : {}),
      });
      return {
        items: page.items.map((task) => ({ municipalityId: task.municipalityId, taskId: task.taskId })),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },
    // A municipality is shown where its first open task comes in the listing, once.
    shows: (one, candidate) => one.firstOpenTaskId === candidate.taskId && shows(one, candidate),
  });
  const everyMunicipality = (shows: Stage['shows']): Stage => ({
    name: 'all',
    list: async (limit, cursor) => {
      const page = await deps.municipalities.listByCountries(countries, paging(limit, cursor));
      return {
        items: page.items.map((municipality) => ({
          municipalityId: municipality.municipalityId,
          municipality,
        })),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },
    shows,
  });
  // Whatever the order, the rest: every municipality (or every cycle of the status asked for).
  const rest = (shows: Stage['shows']) =>
    query.status ? cyclesWith(query.status, shows) : everyMunicipality(shows);
  const always = () => true;
  const stalled = (one: Loaded) => one.item.stalled;
  const late = (one: Loaded) => one.item.late;
  const canBeLive = !query.status || liveStatuses.has(query.status);

  switch (query.sort ?? 'attention') {
    case 'municipality':
      return [everyMunicipality(always)];
    case 'due':
      return [
        ...(canBeLive ? [openTasks(query.late ? 'overdue' : 'open', always)] : []),
        ...(query.late ? [] : [rest((one) => one.item.openTasks === 0)]),
      ];
    default:
      return [
        ...(!query.status || query.status === 'STALLED' ? [cyclesWith('STALLED', stalled)] : []),
        ...(canBeLive && query.status !== 'STALLED'
          ? [openTasks('overdue', (one) => !stalled(one) && late(one))]
          : []),
        ...(query.late || query.status === 'STALLED' ? [] : [rest((one) => !stalled(one) && !late(one))]),
      ];
  }
}

/** Reads a cursor of this view back: which listing, and where in it. Anything else is 400 naming `cursor`. */
function readCursor(cursor: string | undefined, stages: readonly Stage[]) {
  if (cursor === undefined) return { stage: 0, cursor: undefined };
  const match = /^([a-z]+):([A-Za-z0-9_-]*)$/.exec(cursor);
  const stage = stages.findIndex((one) => one.name === match?.[1]);
  if (!match || stage < 0) throw badCursor();
  return { stage, cursor: match[2] || undefined };
}

/** A municipality's portfolio item: three small reads (its record, its newest cycle, that cycle's progress). */
async function loadItem(
  deps: Pick<Ports, 'cycles' | 'municipalities' | 'templates'>,
  municipalityId: string,
  known: Municipality | undefined,
  now: Date,
): Promise<Loaded | undefined> {
  const [municipality, newest] = await Promise.all([
    known ?? deps.municipalities.get(municipalityId),
    deps.cycles.listByMunicipality(municipalityId, { limit: 1 }),
  ]);
  if (!municipality) return undefined;
  const about = {
    municipalityId: municipality.municipalityId,
    name: municipality.name,
    country: municipality.country,
  };
  const cycle = newest.items[0];
  if (!cycle) {
    return { item: { municipality: about, openTasks: 0, overdueTasks: 0, late: false, stalled: false } };
  }
  const { phases, tasks } = await deps.cycles.phasesAndTasks(cycle.cycleId);
  const progress: CycleProgress = cycleProgress(
    cycle,
    deps.templates.get(cycle.templateId, cycle.templateVersion),
    phases,
    tasks,
    now,
  );
  return {
    item: {
      municipality: about,
      cycle: {
        cycleId: cycle.cycleId,
        templateId: cycle.templateId,
        templateVersion: cycle.templateVersion,
        status: cycle.status,
        currentPhase: cycle.currentPhase,
        revision: cycle.revision,
        startedAt: cycle.startedAt,
        ...(cycle.endedAt ? { endedAt: cycle.endedAt } : {}),
        phases: progress.phases,
      },
      openTasks: progress.openTasks,
      overdueTasks: progress.overdueTasks,
      late: progress.overdueTasks > 0,
      stalled: cycle.status === 'STALLED',
      ...(progress.nextDueAt ? { nextDueAt: progress.nextDueAt } : {}),
      ...(progress.stallTaskId ? { stallTaskId: progress.stallTaskId } : {}),
    },
    ...(progress.firstOpenTaskId ? { firstOpenTaskId: progress.firstOpenTaskId } : {}),
  };
}
