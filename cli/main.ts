import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadOrCreateSecret, mintToken } from '#shared/adapters/local/tokens.ts';
import { ApiError, type GlobalOptions, request } from './client.ts';
import { runDemo } from './demo.ts';
import { day, table, timeline } from './format.ts';

/** `romact`: drive the engine from a terminal (the local server by default, any deployed API with --api-url). */
const program = new Command('romact')
  .description('ROMACT planning cycles from the command line')
  .option('--api-url <url>', 'API base URL (default: the local server, http://127.0.0.1:$PORT)')
  .option('--token <jwt>', 'bearer token (default: minted with the local server’s secret)')
  .addOption(
    new Option('--as <role>', 'role of the minted token').choices(['coordinator', 'municipality', 'cag']),
  )
  .option('--municipality <id>', 'municipality of a municipality/cag token')
  .option('--countries <codes>', 'countries of a coordinator token, e.g. BG,RO')
  .option('--json', 'print JSON for scripts');

const globals = () => program.opts<GlobalOptions>();
const print = (value: unknown, human: () => string) =>
  process.stdout.write(`${globals().json ? JSON.stringify(value, null, 2) : human()}\n`);
const readJsonFile = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const collect = (value: string, previous: string[] = []) => [...previous, value];

program
  .command('token')
  .description('mint a token for the local server')
  .addOption(
    new Option('--role <role>', 'role').choices(['coordinator', 'municipality', 'cag']).makeOptionMandatory(),
  )
  .option('--municipality <id>', 'municipality (municipality and cag tokens)')
  .option('--countries <codes>', 'countries (coordinator tokens), e.g. BG,RO')
  .option('--ttl <duration>', 'lifetime, e.g. 30d or 12h', '30d')
  .action(
    async (options: {
      role: 'coordinator' | 'municipality' | 'cag';
      municipality?: string;
      countries?: string;
      ttl: string;
    }) => {
      if (options.role === 'coordinator' && !options.countries)
        program.error('--countries is required for a coordinator token');
      if (options.role !== 'coordinator' && !options.municipality)
        program.error('--municipality is required for this role');
      const { dataDir } = await import('./client.ts');
      const secret = loadOrCreateSecret(`${dataDir()}/secret`);
      const claims =
        options.role === 'coordinator'
          ? { role: options.role, countries: options.countries ?? '' }
          : { role: options.role, municipality: options.municipality ?? '' };
      process.stdout.write(`${await mintToken(secret, claims, options.ttl)}\n`);
    },
  );

const cycle = program.command('cycle').description('start, list, show and cancel cycles');
cycle
  .command('start')
  .requiredOption('--municipality-id <id>', 'the municipality')
  .option('--template <id>', 'template', 'romact')
  .option('--date <name=date>', 'a date the template uses, e.g. fundingCallClosesAt=2027-09-30', collect)
  .option('--due <task=duration>', 'override a task’s due offset, e.g. needs-assessment=P30D', collect)
  .option('--client-token <token>', 'makes a retried start return the same cycle')
  .action(
    async (options: {
      municipalityId: string;
      template: string;
      date?: string[];
      due?: string[];
      clientToken?: string;
    }) => {
      const pairs = (values: string[] = []) =>
        Object.fromEntries(values.map((value) => value.split('=', 2) as [string, string]));
      const created = await request(globals(), 'POST', '/cycles', {
        municipalityId: options.municipalityId,
        templateId: options.template,
        ...(options.date ? { dates: pairs(options.date) } : {}),
        ...(options.due ? { dueOverrides: pairs(options.due) } : {}),
        ...(options.clientToken ? { clientToken: options.clientToken } : {}),
      });
      print(
        created,
        () =>
          `Started ${created.cycleId} for ${created.municipalityId} (${created.templateId}), phase ${created.currentPhase}`,
      );
    },
  );
cycle
  .command('list')
  .option('--municipality-id <id>')
  .option('--country <code>')
  .option('--status <status>')
  .action(async (options: { municipalityId?: string; country?: string; status?: string }) => {
    const query = new URLSearchParams(
      Object.entries(options).filter(([, value]) => value) as [string, string][],
    );
    const page = await request(globals(), 'GET', `/cycles${query.size ? `?${query}` : ''}`);
    print(page, () =>
      table(
        ['CYCLE', 'MUNICIPALITY', 'COUNTRY', 'TEMPLATE', 'STATUS', 'PHASE', 'STARTED'],
        page.items.map((one: any) => [
          one.cycleId,
          one.municipalityId,
          one.country,
          one.templateId,
          one.status,
          one.currentPhase,
          day(one.startedAt),
        ]),
      ),
    );
  });
cycle
  .command('show <id>')
  .description('the phases as a timeline (planned vs actual, what is late) and the open tasks')
  .action(async (id: string) => {
    const found = await request(globals(), 'GET', `/cycles/${encodeURIComponent(id)}`);
    const health = await fetch(`${(await import('./client.ts')).apiUrl(globals())}/health`)
      .then((response) => response.json())
      .catch(() => undefined);
    print(found, () =>
      timeline(
        found,
        (health as { planningTime?: string } | undefined)?.planningTime ?? new Date().toISOString(),
      ),
    );
  });
cycle
  .command('cancel <id>')
  .requiredOption('--reason <text>')
  .action(async (id: string, options: { reason: string }) => {
    const cancelled = await request(globals(), 'POST', `/cycles/${encodeURIComponent(id)}/cancel`, {
      reason: options.reason,
    });
    print(cancelled, () => `Cancelled ${cancelled.cycleId}`);
  });

const task = program.command('task').description('list, show, complete and extend tasks');
task
  .command('list')
  .option('--assignee <role>')
  .option('--municipality-id <id>')
  .option('--overdue', 'only overdue tasks')
  .action(async (options: { assignee?: string; municipalityId?: string; overdue?: boolean }) => {
    const query = new URLSearchParams();
    if (options.assignee) query.set('assignee', options.assignee);
    if (options.municipalityId) query.set('municipalityId', options.municipalityId);
    if (options.overdue) query.set('overdue', 'true');
    const page = await request(globals(), 'GET', `/tasks${query.size ? `?${query}` : ''}`);
    print(page, () =>
      table(
        ['TASK', 'ASSIGNEE', 'DUE', 'OVERDUE', 'TITLE'],
        page.items.map((one: any) => [
          one.taskId,
          one.assignee,
          day(one.dueAt),
          one.overdue ? 'yes' : 'no',
          one.title?.en,
        ]),
      ),
    );
  });
task.command('show <id>').action(async (id: string) => {
  const found = await request(globals(), 'GET', `/tasks/${encodeURIComponent(id)}`);
  print(found, () => JSON.stringify(found, null, 2));
});
task
  .command('complete <id>')
  .requiredOption('--data <file.json>', 'the task’s output as JSON')
  .action(async (id: string, options: { data: string }) => {
    const done = await request(
      globals(),
      'POST',
      `/tasks/${encodeURIComponent(id)}/complete`,
      readJsonFile(options.data),
    );
    print(done, () => `Completed ${done.taskId}`);
  });
task
  .command('extend <id>')
  .requiredOption('--due <date>', 'new due date, e.g. 2027-05-31')
  .requiredOption('--reason <text>')
  .action(async (id: string, options: { due: string; reason: string }) => {
    const extended = await request(globals(), 'POST', `/tasks/${encodeURIComponent(id)}/extend`, {
      dueAt: options.due,
      reason: options.reason,
    });
    print(extended, () => `${extended.taskId} is now due ${day(extended.dueAt)}`);
  });

const municipality = program.command('municipality').description('create and show municipalities');
municipality
  .command('put <id>')
  .requiredOption('--data <file.json>', 'name, country, locale, timeZone, contacts')
  .action(async (id: string, options: { data: string }) => {
    const saved = await request(
      globals(),
      'PUT',
      `/municipalities/${encodeURIComponent(id)}`,
      readJsonFile(options.data),
    );
    print(saved, () => `Saved ${saved.municipalityId} (${saved.name}, ${saved.country})`);
  });
municipality.command('show <id>').action(async (id: string) => {
  const found = await request(globals(), 'GET', `/municipalities/${encodeURIComponent(id)}`);
  print(found, () => JSON.stringify(found, null, 2));
});

municipality
  .command('calendar <id>')
  .description('the open deadlines as an iCalendar (.ics) feed')
  .action(async (id: string) => {
    const { apiUrl, tokenFor } = await import('./client.ts');
    const response = await fetch(
      `${apiUrl(globals())}/municipalities/${encodeURIComponent(id)}/calendar.ics`,
      {
        headers: { authorization: `Bearer ${await tokenFor(globals())}` },
      },
    );
    if (!response.ok) throw new ApiError(response.status, (await response.json()) as never);
    process.stdout.write(await response.text());
  });

program
  .command('notifications')
  .description('the local outbox: what was emailed or texted')
  .option('--recipient <address-or-role>', 'an email, a phone number, or municipality|cag|coordinator')
  .option('--cycle-id <id>')
  .action(async (options: { recipient?: string; cycleId?: string }) => {
    const query = new URLSearchParams();
    if (options.recipient) query.set('recipient', options.recipient);
    if (options.cycleId) query.set('cycleId', options.cycleId);
    const page = await request(globals(), 'GET', `/notifications${query.size ? `?${query}` : ''}`);
    print(page, () =>
      table(
        ['WHEN', 'CHANNEL', 'TO', 'LANG', 'KINDS', 'TEXT'],
        page.items.map((one: any) => [
          one.createdAt.slice(0, 16),
          one.channel,
          `${one.recipient.role}@${one.municipalityId}`,
          one.recipient.locale,
          one.kinds.join('+'),
          one.text.split('\n')[0].slice(0, 90),
        ]),
      ),
    );
  });

program
  .command('demo')
  .description('two municipalities, a cycle each, the first tasks done: watch the engine move')
  .action(async () => {
    await runDemo(globals(), (line) => process.stdout.write(`${line}\n`));
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof ApiError) {
    process.stderr.write(`Error ${error.status}: ${error.message}\n`);
    for (const field of error.body.error?.fields ?? [])
      process.stderr.write(`  ${field.path}: ${field.message}\n`);
  } else {
    process.stderr.write(`Error: ${(error as Error).message}\n`);
  }
  process.exitCode = 1;
}
