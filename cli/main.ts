import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { loadOrCreateSecret, mintToken } from '#shared/adapters/local/tokens.ts';
import { localDate } from '#shared/domain/model/dates.ts';
import { exampleOf, type JsonSchema } from '#shared/domain/model/output-json-schema.ts';
import { locales } from '#shared/domain/model/roles.ts';
import { parseLimit, parsePairs } from './args.ts';
import { apiUrl, dataDir, ensureOk, type GlobalOptions, health, request, send } from './client.ts';
import { runDemo } from './demo.ts';
import { CliError, ExitCode, invalidInput, reportError } from './errors.ts';
import { day, listing, timeline } from './format.ts';
import { readJsonInput } from './input.ts';
import { collectPages, type Page, type PageWish } from './paging.ts';
import { peopleCommands } from './people.ts';
import { resultsTable } from './results-format.ts';

/** `romact`: drive the engine from a terminal (the local server by default, any deployed API with --api-url). */

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program: Command = new Command('romact')
  .description('ROMACT planning cycles from the command line')
  .version(version, '-V, --version', 'print the version')
  // Parse errors exit 2 (invalid input), and under --json they are JSON too: see the catch at the end.
  .exitOverride()
  .configureOutput({
    writeErr: (text) => (jsonMode() ? undefined : process.stderr.write(text)),
    outputError: (text, write) => (jsonMode() ? undefined : write(text)),
  })
  .configureHelp({ showGlobalOptions: true })
  .option(
    '--api-url <url>',
    'API base URL (default: ROMACT_API_URL, or the local server, http://127.0.0.1:$PORT)',
  )
  .option('--token <jwt>', 'bearer token (default: minted with the local server’s secret)')
  .addOption(
    new Option('--as <role>', 'role of the minted token').choices(['coordinator', 'municipality', 'cag']),
  )
  .option('--municipality <id>', 'municipality of a municipality or cag token (and of `token`)')
  .option('--countries <codes>', 'countries of a coordinator token (and of `token`), e.g. BG,RO')
  .option('--json', 'print JSON for scripts (errors too, on stderr)');

const globals = () => program.opts<GlobalOptions>();

/** The options that chose whom this command ran as, to repeat in a hint (never a token: it is a secret). */
const identityFlags = (options: GlobalOptions) =>
  [
    options.apiUrl && ` --api-url ${options.apiUrl}`,
    options.as && ` --as ${options.as}`,
    options.municipality && ` --municipality ${options.municipality}`,
    options.countries && ` --countries ${options.countries}`,
  ]
    .filter(Boolean)
    .join('');
/** Under --json, even a parse error that happens before the options are read is JSON. */
const jsonMode = (): boolean => Boolean(program.opts().json) || process.argv.includes('--json');
const print = (value: unknown, human: () => string) =>
  process.stdout.write(`${globals().json ? JSON.stringify(value, null, 2) : human()}\n`);
const collect = (value: string, previous: string[] = []) => [...previous, value];
const encode = encodeURIComponent;

/** `--limit N` and `--all` of a list command. */
const withPaging = (command: Command) =>
  command
    .option('--limit <n>', 'at most n items, following the API’s pages', parseLimitOption)
    .option('--all', 'every item: follow the API’s pages to the end');
function parseLimitOption(value: string): number {
  return parseLimit(value);
}

/** Fetches a list as asked (`--limit`, `--all`, or the API's first page). */
async function list<T>(
  path: string,
  query: URLSearchParams,
  wish: PageWish,
  sendsLimit = true,
): Promise<Page<T>> {
  return collectPages<T>(async (cursor, limit) => {
    const params = new URLSearchParams(query);
    if (limit !== undefined && sendsLimit) params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    return request<Page<T>>(globals(), 'GET', `${path}${params.size ? `?${params}` : ''}`);
  }, wish);
}

/** A table of a list, or "No results.", and a hint when more pages exist. */
function printList<T>(page: Page<T>, headers: string[], row: (item: T) => (string | number | undefined)[]) {
  print(page, () => listing(headers, page.items.map(row), page.nextCursor !== undefined));
}

program
  .command('token')
  .description('mint a token for the local server (its secret is in ROMACT_DATA_DIR)')
  .addOption(
    new Option('--role <role>', 'role').choices(['coordinator', 'municipality', 'cag']).makeOptionMandatory(),
  )
  .option('--ttl <duration>', 'lifetime, e.g. 30d or 12h', '30d')
  .action(async (_options: unknown, command: Command) => {
    // --countries and --municipality are the program's options (commander gives a shared option to the
    // program), so read them merged with this command's.
    const options = command.optsWithGlobals<
      GlobalOptions & { role: 'coordinator' | 'municipality' | 'cag'; ttl: string }
    >();
    if (options.role === 'coordinator' && !options.countries)
      throw invalidInput('--countries is required for a coordinator token, e.g. --countries BG,RO');
    if (options.role !== 'coordinator' && !options.municipality)
      throw invalidInput(`--municipality is required for a ${options.role} token`);
    const secret = loadOrCreateSecret(`${dataDir()}/secret`);
    const claims =
      options.role === 'coordinator'
        ? { role: options.role, countries: options.countries ?? '' }
        : { role: options.role, municipality: options.municipality ?? '' };
    process.stdout.write(`${await mintToken(secret, claims, options.ttl)}\n`);
  });

const cycle = program.command('cycle').description('start, list, show and cancel cycles');
cycle
  .command('start')
  .requiredOption('--municipality-id <id>', 'the municipality')
  .option(
    '--template <id>',
    'template: romact-core (five phases), romact (the whole process), small-grant…',
    'romact-core',
  )
  .option('--date <name=date>', 'a date the template uses, e.g. fundingCallClosesAt=2027-09-30', collect)
  .option('--due <task=duration>', 'override a task’s due offset, e.g. needs-assessment=P30D', collect)
  .option(
    '--client-token <token>',
    'retrying with the same token returns the same cycle (default: a random one, printed)',
  )
  .option('--parallel', 'start even though the municipality has a running cycle of this template')
  .action(
    async (options: {
      municipalityId: string;
      template: string;
      date?: string[];
      due?: string[];
      clientToken?: string;
      parallel?: boolean;
    }) => {
      const dates = options.date && parsePairs('--date', options.date, 'fundingCallClosesAt=2027-09-30');
      const dueOverrides = options.due && parsePairs('--due', options.due, 'needs-assessment=P30D');
      const clientToken = options.clientToken ?? `cli-${randomUUID()}`;
      const created = await request(globals(), 'POST', '/cycles', {
        municipalityId: options.municipalityId,
        templateId: options.template,
        ...(dates ? { dates } : {}),
        ...(dueOverrides ? { dueOverrides } : {}),
        ...(options.parallel ? { parallel: true } : {}),
        clientToken,
      });
      print(
        { ...created, clientToken },
        () =>
          `Started ${created.cycleId} for ${created.municipalityId} (${created.templateId}), phase ${created.currentPhase}\n` +
          `  client token ${clientToken}: repeat the start with --client-token ${clientToken} to get this cycle, not a second one`,
      );
    },
  );
withPaging(
  cycle
    .command('list')
    .option('--municipality-id <id>')
    .option('--country <code>')
    .option('--status <status>'),
).action(async (options: { municipalityId?: string; country?: string; status?: string } & PageWish) => {
  const query = new URLSearchParams();
  if (options.municipalityId) query.set('municipalityId', options.municipalityId);
  if (options.country) query.set('country', options.country);
  if (options.status) query.set('status', options.status);
  const page = await list<any>('/cycles', query, options);
  printList(page, ['CYCLE', 'MUNICIPALITY', 'COUNTRY', 'TEMPLATE', 'STATUS', 'PHASE', 'STARTED'], (one) => [
    one.cycleId,
    one.municipalityId,
    one.country,
    one.templateId,
    one.status,
    one.currentPhase,
    day(one.startedAt),
  ]);
});
cycle
  .command('show <id>')
  .description('the phases as a timeline (planned vs actual, what is late) and the open tasks')
  .action(async (id: string) => {
    const found = await request(globals(), 'GET', `/cycles/${encode(id)}`);
    // A deployed API has no /health: then "now" is this machine's time, not the local planning time.
    const planningTime = await health(globals()).then(
      (answer) => answer.planningTime,
      () => undefined,
    );
    print(found, () => timeline(found, planningTime ?? new Date().toISOString()));
  });
cycle
  .command('results <id>')
  .description(
    'the results chain: priorities, actions, indicators (baseline, target, latest), funding, progress',
  )
  .action(async (id: string) => {
    const found = await request(globals(), 'GET', `/cycles/${encode(id)}/results`);
    print(found, () => resultsTable(found));
  });
cycle
  .command('cancel <id>')
  .requiredOption('--reason <text>')
  .action(async (id: string, options: { reason: string }) => {
    const cancelled = await request(globals(), 'POST', `/cycles/${encode(id)}/cancel`, {
      reason: options.reason,
    });
    print(cancelled, () => `Cancelled ${cancelled.cycleId}`);
  });

const task = program.command('task').description('list, show, complete and extend tasks');
withPaging(
  task
    .command('list')
    .option(
      '--portfolio',
      'a coordinator: the open tasks of every municipality you oversee (implied by --assignee, --municipality-id)',
    )
    .option('--assignee <role>')
    .option('--municipality-id <id>')
    .option('--country <code>', 'a coordinator’s portfolio in one country')
    .option('--phase <key>', 'only tasks of this phase, e.g. consultation')
    .option('--overdue', 'only overdue tasks'),
).action(
  async (
    options: {
      portfolio?: boolean;
      assignee?: string;
      municipalityId?: string;
      country?: string;
      phase?: string;
      overdue?: boolean;
    } & PageWish,
  ) => {
    const query = new URLSearchParams();
    if (options.portfolio || options.country) query.set('scope', 'portfolio');
    if (options.assignee) query.set('assignee', options.assignee);
    if (options.municipalityId) query.set('municipalityId', options.municipalityId);
    if (options.country) query.set('country', options.country);
    if (options.phase) query.set('phase', options.phase);
    if (options.overdue) query.set('overdue', 'true');
    const page = await list<any>('/tasks', query, options);
    printList(page, ['TASK', 'ASSIGNEE', 'DUE', 'OVERDUE', 'TITLE'], (one) => [
      one.taskId,
      one.assignee,
      day(one.dueAt),
      one.overdue ? 'yes' : 'no',
      one.title?.en,
    ]);
  },
);
task.command('show <id>').action(async (id: string) => {
  const found = await request(globals(), 'GET', `/tasks/${encode(id)}`);
  print(found, () => JSON.stringify(found, null, 2));
});
task
  .command('template <id>')
  .description('what the task asks for: its output’s JSON Schema, and an example body with today’s dates')
  .addOption(
    new Option('--locale <code>', 'language of the titles, descriptions and examples')
      .choices([...locales])
      .default('en'),
  )
  .action(async (id: string, options: { locale: string }) => {
    const found = await request(globals(), 'GET', `/tasks/${encode(id)}`);
    const template = await request(
      globals(),
      'GET',
      `/templates/${encode(found.templateId)}?locale=${encode(options.locale)}`,
    );
    const schema = template.outputs?.[found.output]?.schema as JsonSchema | undefined;
    if (!schema)
      throw new CliError(
        'NO_SCHEMA',
        `The API serves no schema for the output ${found.output}`,
        ExitCode.other,
      );
    // "Today" is the server's planning time (a demo clock may run fast) where the municipality is.
    const cycle = await request(globals(), 'GET', `/cycles/${encode(found.cycleId)}`);
    const planningTime = await health(globals()).then(
      (answer) => answer.planningTime,
      () => undefined,
    );
    const today = localDate(planningTime ?? new Date().toISOString(), cycle.timeZone ?? 'UTC');
    const example = exampleOf(schema, today);
    print({ taskId: found.taskId, output: found.output, schema, example }, () =>
      [
        `${found.title?.[options.locale] ?? found.title?.en ?? found.taskKey} (${found.output}), due ${day(found.dueAt)}`,
        '',
        `The output's JSON Schema, as the API validates it:`,
        JSON.stringify(schema, null, 2),
        '',
        `An example body with today's dates (${today}): save it to a file, change it, and send it with`,
        `  npx romact task complete ${found.taskId}${identityFlags(globals())} --data <file>`,
        JSON.stringify(example, null, 2),
      ].join('\n'),
    );
  });
task
  .command('complete <id>')
  .requiredOption(
    '--data <file.json>',
    'the task’s output as JSON (- reads standard input); see examples/outputs/',
  )
  .action(async (id: string, options: { data: string }) => {
    const body = readJsonInput(options.data);
    const done = await request(globals(), 'POST', `/tasks/${encode(id)}/complete`, body);
    print(done, () => `Completed ${done.taskId}`);
  });
task
  .command('extend <id>')
  .requiredOption('--due <date>', 'new due date, e.g. 2027-05-31')
  .requiredOption('--reason <text>')
  .action(async (id: string, options: { due: string; reason: string }) => {
    const extended = await request(globals(), 'POST', `/tasks/${encode(id)}/extend`, {
      dueAt: options.due,
      reason: options.reason,
    });
    print(extended, () => `${extended.taskId} is now due ${day(extended.dueAt)}`);
  });

const municipality = program.command('municipality').description('create and show municipalities');
municipality
  .command('put <id>')
  .requiredOption('--data <file.json>', 'name, country, locale, timeZone, contacts (- reads standard input)')
  .action(async (id: string, options: { data: string }) => {
    const body = readJsonInput(options.data);
    const saved = await request(globals(), 'PUT', `/municipalities/${encode(id)}`, body);
    print(saved, () => `Saved ${saved.municipalityId} (${saved.name}, ${saved.country})`);
  });
municipality.command('show <id>').action(async (id: string) => {
  const found = await request(globals(), 'GET', `/municipalities/${encode(id)}`);
  print(found, () => JSON.stringify(found, null, 2));
});
municipality
  .command('calendar <id>')
  .description('the open deadlines as an iCalendar (.ics) feed')
  .action(async (id: string) => {
    const path = `/municipalities/${encode(id)}/calendar.ics`;
    const response = await send(globals(), 'GET', path);
    await ensureOk(response, `${apiUrl(globals())}${path}`);
    process.stdout.write(await response.text());
  });

withPaging(
  program
    .command('notifications')
    .description('the local outbox: what was emailed or texted (sign-in codes too)')
    .option('--recipient <address-or-role>', 'an email, a phone number, or municipality|cag|coordinator')
    .option('--cycle-id <id>')
    .option(
      '--undeliverable',
      'instead, the notifications nobody could receive in your countries (a coordinator’s; also on AWS)',
    ),
).action(async (options: { recipient?: string; cycleId?: string; undeliverable?: boolean } & PageWish) => {
  if (options.undeliverable) {
    // The API's own list (GET /notifications), so it is the same locally and on AWS: kept, never dropped.
    const kept = await list<any>('/notifications', new URLSearchParams({ undeliverable: 'true' }), options);
    printList(kept, ['WHEN', 'TO ROLE', 'MUNICIPALITY', 'LANG', 'KINDS', 'TEXT'], (one) => [
      one.createdAt.slice(0, 16),
      one.role,
      one.municipalityId,
      one.locale,
      one.kinds.join('+'),
      one.text.split('\n')[0].slice(0, 90),
    ]);
    return;
  }
  const query = new URLSearchParams();
  if (options.recipient) query.set('recipient', options.recipient);
  if (options.cycleId) query.set('cycleId', options.cycleId);
  const page = await list<any>('/outbox', query, options, true);
  printList(page, ['WHEN', 'CHANNEL', 'TO', 'LANG', 'KINDS', 'TEXT'], (one) => [
    one.createdAt.slice(0, 16),
    one.channel,
    one.recipient.role ? `${one.recipient.role}@${one.municipalityId}` : one.recipient.address,
    one.recipient.locale,
    one.kinds.join('+'),
    one.text.split('\n')[0].slice(0, 90),
  ]);
});

peopleCommands(program, globals, print);

program
  .command('demo')
  .description('two municipalities, a cycle each, the first tasks done: watch the engine move')
  .action(async () => {
    await runDemo(globals(), (line) => process.stdout.write(`${line}\n`));
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version end with code 0; every other parse error is invalid input (exit 2). Commander has
    // already printed its message, unless --json asked for JSON.
    if (error.exitCode === 0) process.exitCode = 0;
    else {
      process.exitCode = ExitCode.invalidInput;
      if (jsonMode()) {
        const message =
          error.code === 'commander.help'
            ? 'a command is required: see romact --help'
            : error.message.replace(/^error: /, '');
        process.stderr.write(
          `${JSON.stringify({ error: { code: 'INVALID_INPUT', message, fields: [] } })}\n`,
        );
      }
    }
  } else {
    const report = reportError(error);
    process.stderr.write(`${jsonMode() ? JSON.stringify(report.json) : report.text}\n`);
    process.exitCode = report.exitCode;
  }
}
