import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#functions/routes.ts';
import { stepNames } from '#workflows/contract.ts';
import { commands, readmeSection, shellBlocks } from '../support/readme.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const cdk = join(ROOT, 'node_modules/.bin/cdk');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The README's deploy commands: copy the example config, then synthesise with it. */
const deploy = commands(shellBlocks(readmeSection('### Config'))[0] ?? '');
const synth = deploy.find((command) => command.startsWith('npx cdk synth')) ?? '';

describe('the README’s `npx cdk synth` (offline, no credentials, no Docker)', () => {
  it('is the npm run synth script with the config given', () => {
    expect(deploy[0]).toBe('cp infra/aws/regions.example.json regions.json');
    expect(synth).toBe('npx cdk synth -c config=regions.json');
    expect(pkg.scripts.synth).toBe('cdk synth -q');
  });

  it('synthesises one stack per configured region, bundled with the local esbuild, with no warning', async () => {
    const out = mkdtempSync(join(tmpdir(), 'romact-synth-'));
    const config = join(out, 'regions.json');
    writeFileSync(config, readFileSync(join(ROOT, 'infra/aws/regions.example.json')));
    // As written, with the copied config, quiet (-q) and into a temporary folder (-o).
    const args = synth
      .replace(/^npx cdk /, '')
      .replace('config=regions.json', `config=${config}`)
      .split(/\s+/);
    try {
      const { stderr } = await run(cdk, [...args, '-q', '-o', join(out, 'cdk.out')], {
        cwd: ROOT,
        env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
      });
      expect(stderr).not.toMatch(/Unknown option/);
      for (const region of ['eu-central-1', 'eu-south-1']) {
        const template = JSON.parse(
          readFileSync(join(out, 'cdk.out', `Romact-prod-${region}.template.json`), 'utf8'),
        );
        // Every step is deployed as its own function, every route as its own or its family's; local-only routes not.
        const descriptions = Object.values(template.Resources)
          .filter((resource: any) => resource.Type === 'AWS::Lambda::Function')
          .map((resource: any) => resource.Properties.Description as string);
        // A route of a family runs in its family's function; every deployed route has its API Gateway route.
        const routeKeys = Object.values(template.Resources)
          .filter((resource: any) => resource.Type === 'AWS::ApiGatewayV2::Route')
          .map((resource: any) => resource.Properties.RouteKey as string);
        for (const route of apiRoutes) {
          const key = `${route.method} ${route.path}`;
          if (route.localOnly) {
            expect(descriptions).not.toContain(key);
            expect(routeKeys).not.toContain(key);
          } else {
            expect(descriptions).toContain(route.family ? `API routes: ${route.family.name}` : key);
            expect(routeKeys).toContain(key);
          }
        }
        for (const step of stepNames) expect(descriptions).toContain(`State machine step: ${step}`);
        expect(descriptions).toContain(
          'Cognito pre-token generation: the claims of the membership a person acts in',
        );
      }
      // The web app was built locally into an asset (Vite, no Docker), ready for the BucketDeployment.
      const assembly = join(out, 'cdk.out');
      const webAssets = readdirSync(assembly).filter(
        (name) => name.startsWith('asset.') && existsSync(join(assembly, name, 'index.html')),
      );
      expect(webAssets).toHaveLength(1);
      expect(readFileSync(join(assembly, webAssets[0] ?? '', 'index.html'), 'utf8')).toMatch(
        /src="\/assets\/index-/,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);

  it('fails with the field named when the region config is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'romact-badconfig-'));
    const path = join(dir, 'regions.json');
    writeFileSync(
      path,
      JSON.stringify({
        stage: 'prod',
        regions: [{ region: 'mars-1', countries: [], alarmEmail: 'x', smsSenderId: 'ROMACT' }],
      }),
    );
    const failure = await run(cdk, ['synth', '-q', '-c', `config=${path}`, '-o', join(dir, 'out')], {
      cwd: ROOT,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
    }).catch((error: { stderr: string; stdout: string }) => error);
    const output = `${(failure as { stderr?: string }).stderr ?? ''}${(failure as { stdout?: string }).stdout ?? ''}`;
    expect(output).toMatch(/regions\.0\.region: must be an AWS region/);
    expect(output).toMatch(/regions\.0\.countries/);
    expect(output).toMatch(/regions\.0\.alarmEmail/);
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
