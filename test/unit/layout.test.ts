import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '#shared/domain/model/roles.ts';

/**
 * `test/unit/` mirrors the tree: every file of the pure domain has its unit test at the same path, so a use case
 * added without one fails here instead of going unnoticed. The few files that hold no behaviour of their own
 * (interfaces, schemas without rules, per-language data) are listed below, each with the reason and the test that
 * holds them instead.
 */

const root = join(import.meta.dirname, '..', '..');
const DOMAIN = 'shared/domain';

/** Files under `shared/domain/` that have no mirrored unit test on purpose, and why. */
const WITHOUT_OWN_TEST: Record<string, string> = {
  'shared/domain/ports.ts':
    'interfaces only; test/contract/store.contract.ts holds every store adapter to them',
  'shared/domain/model/output-texts/text.ts': 'one interface',
  'shared/domain/notifications/catalogs/catalog.ts': 'types only',
  'shared/domain/model/phase-run.ts': 'a zod schema without rules; read back through the store contract',
  'shared/domain/model/task-request.ts': 'a zod schema without rules; requestFor (deadlines.test) builds it',
  'shared/domain/model/notification-record.ts': 'a zod schema without rules; notify-tasks.test records them',
  'shared/domain/model/message.ts': 'a zod schema without rules; dispatch-messages.test sends them',
  'shared/domain/model/sign-in.ts': 'zod schemas without rules; the auth use-case tests use them',
  'shared/domain/model/membership.ts': 'a zod schema without rules; ops/people.test grants them',
  'shared/domain/model/results-chain.ts': 'derived from process tasks: usecases/cycles/get-results.test',
  'shared/domain/model/outputs/kind.ts':
    'helpers of every output; get-results.test and output-json-schema.test',
  'shared/domain/model/outputs/commitment.ts':
    'rules tested through completeTask in usecases/cycles/get-results.test',
  'shared/domain/model/outputs/group-formation.ts': 'rules tested through completeTask in get-results.test',
  'shared/domain/model/outputs/meeting.ts':
    'rules and follow-ups tested through completeTask in get-results.test',
  'shared/domain/model/outputs/prioritisation.ts': 'rules tested through completeTask in get-results.test',
  'shared/domain/model/outputs/plan.ts': 'rules tested through completeTask in get-results.test',
  'shared/domain/model/outputs/council.ts':
    'summary tested on the ASL (process-paths.test); schema in output-json-schema.test',
  'shared/domain/model/outputs/fiche.ts': 'rules tested through completeTask in get-results.test',
  'shared/domain/model/outputs/application-outcome.ts':
    'rules tested through completeTask in get-results.test',
  'shared/domain/model/outputs/implementation.ts': 'rules tested through completeTask in get-results.test',
  'shared/domain/model/outputs/indicator-report.ts': 'rules tested through completeTask in get-results.test',
  'shared/domain/model/outputs/small-grant.ts':
    'schemas with date rules; output-json-schema.test, process-paths.test',
  'shared/domain/model/phase-kinds/process.ts':
    'kind rules; phase-kinds/index.test and the templates that validate',
  'shared/domain/model/phase-kinds/output-phase.ts': 'helpers of process.ts; compiled in process-paths.test',
  'shared/domain/ops/open-follow-ups.ts': 'follow-ups from minutes: usecases/cycles/get-results.test',
  'shared/domain/ops/output-context.ts': 'what rules read: usecases/cycles/get-results.test',
  'shared/domain/model/phase-kinds/tasks.ts': 'one line of schema; template.test compiles tasks phases',
  // Per-language data: output-texts/index.test and notifications/compose.test check every language against English.
  ...Object.fromEntries(
    locales.flatMap((locale) => [
      [`shared/domain/model/output-texts/${locale}.ts`, 'texts of one language (output-texts/index.test)'],
      [`shared/domain/notifications/catalogs/${locale}.ts`, 'a catalogue of one language (compose.test)'],
      [
        `shared/domain/model/output-texts/process/${locale}.ts`,
        'process texts of one language (output-json-schema.test)',
      ],
    ]),
  ),
};

function filesUnder(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const mirrorOf = (source: string) => `test/unit/${source.replace(/\.ts$/, '.test.ts')}`;
const sourceOf = (test: string) => relative('test/unit', test).replace(/\.test\.ts$/, '.ts');

describe('test/unit mirrors shared/domain', () => {
  const sources = filesUnder(DOMAIN);

  it('finds the domain (a wrong root would make every check below pass)', () => {
    expect(sources).toContain('shared/domain/ports.ts');
    expect(sources).toContain('shared/domain/usecases/tasks/complete-task.ts');
  });

  it('gives every domain file its unit test at the same path, unless it is listed with a reason', () => {
    const missing = sources.filter(
      (source) => !(source in WITHOUT_OWN_TEST) && !existsSync(join(root, mirrorOf(source))),
    );
    expect(missing, 'domain files without test/unit/<same path>.test.ts').toEqual([]);
  });

  it('lists no exception that is stale: its file exists and has no test of its own', () => {
    const stale = Object.keys(WITHOUT_OWN_TEST).filter(
      (source) => !sources.includes(source) || existsSync(join(root, mirrorOf(source))),
    );
    expect(stale, 'exceptions to remove').toEqual([]);
  });

  it('has no unit test of the domain whose source file is gone (a rename left it behind)', () => {
    const orphans = filesUnder(`test/unit/${DOMAIN}`)
      .filter((test) => test.endsWith('.test.ts'))
      .filter((test) => !existsSync(join(root, sourceOf(test))));
    expect(orphans, 'unit tests without a source at the same path').toEqual([]);
  });
});
