import type { ApplicationOutcomes } from './outputs/application-outcome.ts';
import type { ProjectFiches } from './outputs/fiche.ts';
import type { ImplementationProgress } from './outputs/implementation.ts';
import type { IndicatorReport } from './outputs/indicator-report.ts';
import type { JointPlan } from './outputs/plan.ts';
import { type Prioritisation, scoreOf } from './outputs/prioritisation.ts';
import type { Task } from './task.ts';

/**
 * The results chain of a cycle: need → priority → action → fiche → application → award → progress → indicator
 * result, linked by the ids people gave them. It is derived, never stored: the cycle's completed tasks hold
 * every link, so the chain is one read of the cycle's record, and a revision (a rejected plan redone) simply
 * replaces what it redid.
 */

/** An indicator of an action: baseline and target from the plan, the actual value per reporting period. */
export interface ChainIndicator {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  actuals: { periodStart: string; periodEnd: string; actual: number }[];
  /** The latest actual value, if any period was reported. */
  latest?: number;
}

/** An application for a fiche, as it stands. */
export interface ChainApplication {
  reference: string;
  status: ApplicationOutcomes['applications'][number]['status'];
  submittedOn: string;
  decidedOn?: string;
  amountAwarded?: number;
}

/** A fiche of an action, with its application. */
export interface ChainFiche {
  id: string;
  title: string;
  programme: string;
  callId: string;
  stage: string;
  budget: number;
  coFinancing: number;
  currency: string;
  application?: ChainApplication;
}

/** An action of the plan with everything that hangs from it. */
export interface ChainAction {
  id: string;
  priority: string;
  title: string;
  starts: string;
  ends: string;
  responsible: string;
  budget: number;
  currency: string;
  indicators: ChainIndicator[];
  fiches: ChainFiche[];
  progress?: { status: string; percentDone: number; spent: number; reportedOn: string };
  /** The follow-up tasks of meeting decisions linked to this action. */
  followUps: string[];
}

/** An agreed priority: the need, both sides' scores, its rank. */
export interface ChainPriority {
  id: string;
  rank: number;
  area: string;
  description: string;
  score: number;
  actions: string[];
  followUps: string[];
}

/** A meeting decision and the follow-up task it became. */
export interface ChainDecision {
  taskId: string;
  decision: string;
  owner: string;
  dueAt: string;
  status: Task['status'];
  linksTo?: string;
}

/** The whole chain of one cycle. */
export interface ResultsChain {
  needs: { id: string; area: string; description: string; score: number }[];
  priorities: ChainPriority[];
  actions: ChainAction[];
  fiches: ChainFiche[];
  decisions: ChainDecision[];
  meetings: number;
  /** Totals across the plan: budget planned, awarded, spent. */
  totals: { planned: number; awarded: number; spent: number };
}

/** The newest completed task of an output: the latest revision, then the latest round. */
function latestOf(tasks: readonly Task[], output: string): Task | undefined {
  return tasks
    .filter((task) => task.output === output && task.status === 'COMPLETED' && task.kind === 'task')
    .sort((a, b) => a.revision - b.revision || (a.round ?? 0) - (b.round ?? 0))
    .at(-1);
}

/** The completed tasks of an output in the latest revision that has any, oldest round first. */
function roundsOf(tasks: readonly Task[], output: string): Task[] {
  const done = tasks.filter(
    (task) => task.output === output && task.status === 'COMPLETED' && task.kind === 'task',
  );
  const revision = Math.max(-1, ...done.map((task) => task.revision));
  return done.filter((task) => task.revision === revision).sort((a, b) => (a.round ?? 0) - (b.round ?? 0));
}

/** The results chain from a cycle's tasks (pure). */
export function resultsChainOf(tasks: readonly Task[]): ResultsChain {
  const scored = latestOf(tasks, 'prioritisation')?.result as Prioritisation | undefined;
  const plan = latestOf(tasks, 'joint-plan')?.result as JointPlan | undefined;
  const fiches = latestOf(tasks, 'project-fiches')?.result as ProjectFiches | undefined;
  const outcomes = latestOf(tasks, 'application-outcomes')?.result as ApplicationOutcomes | undefined;
  const progress = latestOf(tasks, 'implementation-progress')?.result as ImplementationProgress | undefined;
  const reports = roundsOf(tasks, 'indicator-report').map((task) => task.result as IndicatorReport);
  const decisions: ChainDecision[] = tasks
    .filter((task) => task.kind === 'follow-up')
    .map((task) => ({
      taskId: task.taskId,
      decision: task.subject ?? '',
      owner: task.assignee,
      dueAt: task.dueAt,
      status: task.status,
      ...(task.linksTo ? { linksTo: task.linksTo } : {}),
    }));
  const followUpsOf = (id: string) =>
    decisions.filter((decision) => decision.linksTo === id).map((decision) => decision.taskId);

  const needs = (scored?.needs ?? []).map((need) => ({
    id: need.id,
    area: need.area,
    description: need.description,
    score: scoreOf(need),
  }));
  const chainFiches: ChainFiche[] = (fiches?.fiches ?? []).map((fiche) => {
    const application = outcomes?.applications.find((one) => one.fiche === fiche.id);
    return {
      id: fiche.id,
      title: fiche.title,
      programme: fiche.programme,
      callId: fiche.callId,
      stage: fiche.stage,
      budget: fiche.budget,
      coFinancing: fiche.coFinancing,
      currency: fiche.currency,
      ...(application
        ? {
            application: {
              reference: application.reference,
              status: application.status,
              submittedOn: application.submittedOn,
              ...(application.decidedOn ? { decidedOn: application.decidedOn } : {}),
              ...(application.amountAwarded !== undefined
                ? { amountAwarded: application.amountAwarded }
                : {}),
            },
          }
        : {}),
    };
  });
  const actions: ChainAction[] = (plan?.actions ?? []).map((action) => {
    const done = progress?.actions.find((one) => one.action === action.id);
    return {
      id: action.id,
      priority: action.priority,
      title: action.title,
      starts: action.starts,
      ends: action.ends,
      responsible: action.responsible,
      budget: action.budget,
      currency: action.currency,
      indicators: action.indicators.map((indicator) => {
        const actuals = reports.flatMap((report) =>
          report.values
            .filter((value) => value.indicator === indicator.id)
            .map((value) => ({
              periodStart: report.periodStart,
              periodEnd: report.periodEnd,
              actual: value.actual,
            })),
        );
        const latest = actuals.at(-1)?.actual;
        return { ...indicator, actuals, ...(latest !== undefined ? { latest } : {}) };
      }),
      fiches: chainFiches.filter(
        (fiche) => fiches?.fiches.find((one) => one.id === fiche.id)?.action === action.id,
      ),
      ...(done && progress
        ? {
            progress: {
              status: done.status,
              percentDone: done.percentDone,
              spent: done.spent,
              reportedOn: progress.reportedOn,
            },
          }
        : {}),
      followUps: followUpsOf(action.id),
    };
  });
  const priorities: ChainPriority[] = (scored?.priorities ?? []).flatMap((id, index) => {
    const need = needs.find((one) => one.id === id);
    if (!need) return [];
    return [
      {
        ...need,
        rank: index + 1,
        actions: actions.filter((action) => action.priority === id).map((action) => action.id),
        followUps: followUpsOf(id),
      },
    ];
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    needs,
    priorities,
    actions,
    fiches: chainFiches,
    decisions,
    meetings: roundsOf(tasks, 'meeting-minutes').length,
    totals: {
      planned: sum(actions.map((action) => action.budget)),
      awarded: sum(chainFiches.map((fiche) => fiche.application?.amountAwarded ?? 0)),
      spent: sum(actions.map((action) => action.progress?.spent ?? 0)),
    },
  };
}

/** What a new cycle starts from: the previous cycle's open actions and its indicators' latest values. */
export interface CarriedOver {
  fromCycleId: string;
  openActions: { id: string; title: string; status: string; percentDone: number }[];
  indicators: { id: string; name: string; unit: string; target: number; latest: number }[];
}

/** What the next cycle carries over from a finished cycle's chain. */
export function carriedOverFrom(fromCycleId: string, chain: ResultsChain): CarriedOver {
  return {
    fromCycleId,
    openActions: chain.actions
      .filter((action) => action.progress?.status !== 'completed' && action.progress?.status !== 'dropped')
      .map((action) => ({
        id: action.id,
        title: action.title,
        status: action.progress?.status ?? 'not-started',
        percentDone: action.progress?.percentDone ?? 0,
      })),
    indicators: chain.actions.flatMap((action) =>
      action.indicators.map((indicator) => ({
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        target: indicator.target,
        latest: indicator.latest ?? indicator.baseline,
      })),
    ),
  };
}
