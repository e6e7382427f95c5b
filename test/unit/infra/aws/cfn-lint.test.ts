import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeployConfig } from '#infra/aws/config.ts';
import { acknowledgeFindings } from '#infra/aws/nag-acknowledgements.ts';
import { RomactStack } from '#infra/aws/romact-stack.ts';

const run = promisify(execFile);

/**
 * cfn-lint (AWS's CloudFormation linter) on every synthesised region: resource types and properties that exist
 * in that region, valid values, references. Skipped only when ROMACT_SKIP_CFN_LINT=1 (no cfn-lint on the
 * machine: `pip install cfn-lint`), and then said out loud.
 */
const skip = process.env.ROMACT_SKIP_CFN_LINT === '1';
if (skip) console.warn('SKIPPED: cfn-lint on the synthesised templates, because ROMACT_SKIP_CFN_LINT=1.');

/**
 * W3005 ("dependency already enforced by a GetAtt"): CDK adds DependsOn from each function to its role's policy
 * as well as the GetAtt of the role, on purpose (the policy must exist before the function runs). Nothing else.
 */
const IGNORED = ['W3005'];

describe.skipIf(skip)('cfn-lint on the synthesised stacks', () => {
  const config = loadDeployConfig(
    new URL('../../../../infra/aws/regions.example.json', import.meta.url).pathname,
  );
  const outdir = mkdtempSync(join(tmpdir(), 'romact-cfn-lint-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('finds nothing in the template, for every configured region', async () => {
    execFileSync('cfn-lint', ['--version'], { stdio: 'ignore' });
    // One template (the first region's, which has every optional feature: passkeys) checked against every
    // region's resource and property availability; regions differ only by names and these options.
    const regionConfig = config.regions[0];
    if (!regionConfig) throw new Error('no region');
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new RomactStack(app, `Romact-${config.stage}-${regionConfig.region}`, {
      stage: config.stage,
      regionConfig,
      env: { region: regionConfig.region },
    });
    acknowledgeFindings(stack);
    const assembly = app.synth();

    const findings = await run('cfn-lint', [
      '--format',
      'parseable',
      '--regions',
      ...config.regions.map((region) => region.region),
      '--ignore-checks',
      ...IGNORED,
      '--',
      join(assembly.directory, stack.templateFile),
    ]).then(
      ({ stdout }) => stdout.trim(),
      (error: { stdout?: string; stderr?: string }) =>
        `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || String(error),
    );

    expect(findings).toBe('');
  }, 180_000);
});
