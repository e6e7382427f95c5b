import '#infra/local/polyfills.ts';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { scaledClock } from '#shared/domain/clock.ts';
import { cagOf, call, coordinatorBG, municipalityOf, useRuntime } from '#test/support/api.ts';
import { eventually, municipalityBody } from '#test/support/runtime.ts';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { listTaskStates } from '#workflows/compile/task-states.ts';
import { exampleOutputs as outputs } from '#workflows/templates/examples.ts';
import { romactProcessTemplate } from '#workflows/templates/romact-process.ts';
import { regionPrices } from './prices.ts';

/**
 * `npm run bench:process`: one cycle of the whole ROMACT process (`romact` v2) over the API on the local runtime
 * (two meetings with a follow-up, two application rounds, two indicator periods, the review starting the next
 * cycle), and what it costs on AWS: state transitions, step Lambda invocations, and their price per region.
 */

type Claims = Record<string, string>;
const municipalityId = 'bg-bench-process';
const municipality = municipalityOf(municipalityId);
const cag = cagOf(municipalityId);

/** What one cycle of the whole process took. */
export interface ProcessFigures {
  transitions: number;
  stepInvocations: number;
  apiCalls: number;
  wallMs: number;
  phases: number;
}

/** Drives one cycle of the whole process over the API and counts what it cost. */
export async function runProcessBench(): Promise<ProcessFigures> {
  const runtime = await startLocalRuntime({
    clock: scaledClock(1e4, new Date('2027-01-04T09:00:00.000Z')),
    store: 'memory',
  });
  useRuntime(runtime);
  let apiCalls = 0;
  const api = (method: string, path: string, options: Parameters<typeof call>[2]) => {
    apiCalls += 1;
    return call(method, path, options);
  };
  const complete = async (claims: Claims, taskKey: string, body: unknown, kind = 'task') => {
    const task = await eventually(async () => {
      const inbox = await api('GET', '/tasks', { claims });
      return inbox.body.items?.find((one: any) => one.taskKey === taskKey && one.kind === kind);
    }, 60_000);
    const done = await api('POST', `/tasks/${task.taskId}/complete`, { claims, body });
    if (done.status !== 200) throw new Error(`${taskKey}: ${done.status} ${JSON.stringify(done.body)}`);
  };

  const started = Date.now();
  await api('PUT', `/municipalities/${municipalityId}`, { claims: coordinatorBG, body: municipalityBody() });
  const cycle = await api('POST', '/cycles', {
    claims: coordinatorBG,
    body: { municipalityId, templateId: 'romact', clientToken: 'bench-process' },
  });
  const cycleId = cycle.body.cycleId as string;
  const members = Array.from({ length: 5 }, (_, index) => ({
    member: `usr-cag-${index}`,
    role: 'member',
    trained: 'yes',
  }));
  await complete(municipality, 'letter-of-commitment', outputs['commitment-letter']);
  await complete(municipality, 'form-groups', {
    groups: [
      {
        ...outputs['group-formation'].groups[0],
        members,
        balance: { women: 3, men: 2, undisclosed: 0, under30: 1, over64: 0 },
      },
    ],
  });
  await complete(municipality, 'score-needs', outputs.prioritisation);
  await complete(cag, 'meeting-minutes', outputs.meetingMore);
  await complete(municipality, 'meeting-minutes', outputs['follow-up-report'], 'follow-up');
  await complete(cag, 'meeting-minutes', outputs.meetingDone);
  await complete(municipality, 'joint-plan', outputs['joint-plan']);
  await complete(cag, 'cag-endorsement', outputs.approve);
  await complete(municipality, 'municipality-endorsement', outputs.approve);
  await complete(municipality, 'council-decision', outputs.adopted);
  await complete(municipality, 'project-fiches', outputs['project-fiches']);
  const { fiche, reference, submittedOn } = outputs['application-outcomes'].applications[0];
  await complete(municipality, 'application-outcomes', {
    applications: [{ fiche, reference, submittedOn, status: 'submitted' }],
  });
  await complete(municipality, 'application-outcomes', outputs['application-outcomes']);
  for (const next of ['another-period', 'phase-done']) {
    await complete(municipality, 'implementation-progress', outputs['implementation-progress']);
    await complete(municipality, 'indicator-report', { ...outputs['indicator-report'], next });
  }
  await complete(municipality, 'monitoring-report', outputs.nextCycle);
  await eventually(async () => {
    const read = await api('GET', `/cycles/${cycleId}`, { claims: coordinatorBG });
    return read.body.status === 'COMPLETED' && read.body.nextCycleId ? read.body : undefined;
  }, 60_000);
  await api('GET', `/cycles/${cycleId}/results`, { claims: cag });
  await runtime.engine.settled();
  const wallMs = Date.now() - started;

  const executions = runtime.engine.list().filter((execution) => execution.input.cycleId === cycleId);
  const entered = executions.flatMap((execution) => execution.history);
  // Every state entered is a billed transition; the Task states that call a step Lambda are its invocations.
  const lambdaStates = new Set(
    listTaskStates(compileTemplate(romactProcessTemplate)).map((state) => state.stateName),
  );
  const stepInvocations = entered.filter((state) => lambdaStates.has(state)).length;
  await runtime.close();
  return {
    transitions: entered.length,
    stepInvocations,
    apiCalls,
    wallMs,
    phases: romactProcessTemplate.phases.length,
  };
}

/** Prints the figures as a Markdown table, with the AWS request cost per region. */
function markdown(figures: ProcessFigures): string {
  const { transitions: entered, stepInvocations, apiCalls, wallMs } = figures;
  const lines = [
    `## The whole ROMACT process, one cycle (romact v${romactProcessTemplate.version}, ${romactProcessTemplate.phases.length} phases)`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| state transitions per cycle | ${entered} |`,
    `| step Lambda invocations per cycle | ${stepInvocations} |`,
    `| API calls (incl. inbox polling) | ${apiCalls} |`,
    `| wall time on the local runtime | ${wallMs} ms |`,
    ...Object.values(regionPrices).map(
      (prices) =>
        `| Step Functions + Lambda requests, ${prices.region} | $${(entered * prices.stateTransition + stepInvocations * prices.lambdaRequest).toFixed(5)} per cycle |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('process.ts')) process.stdout.write(markdown(await runProcessBench()));
