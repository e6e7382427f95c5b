import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { DeployConfigError, loadDeployConfig } from './config.ts';
import { acknowledgeFindings } from './nag-acknowledgements.ts';
import { RomactStack } from './romact-stack.ts';

/**
 * `npx cdk synth --all`: one stack per configured region, named Romact-<stage>-<region>.
 * The config file: context `config` (`-c config=path`), else ROMACT_DEPLOY_CONFIG, else the example.
 */
const app = new App();
const path =
  (app.node.tryGetContext('config') as string | undefined) ??
  process.env.ROMACT_DEPLOY_CONFIG ??
  new URL('./regions.example.json', import.meta.url).pathname;
const config = (() => {
  try {
    return loadDeployConfig(path);
  } catch (error) {
    // One line naming every wrong field, no stack trace: whoever edits the file needs the fields, not our frames.
    process.stderr.write(
      error instanceof DeployConfigError
        ? `${error.message}\n`
        : `Cannot read deploy config ${path}: ${String((error as Error).message).split('\n')[0]}\n`,
    );
    process.exit(1);
  }
})();

for (const regionConfig of config.regions) {
  const stack = new RomactStack(app, `Romact-${config.stage}-${regionConfig.region}`, {
    stage: config.stage,
    regionConfig,
    env: { region: regionConfig.region, ...(regionConfig.account ? { account: regionConfig.account } : {}) },
    description: `ROMACT planning-cycle engine (${config.stage}) for ${regionConfig.countries.map((country) => country.code).join(', ')}`,
  });
  acknowledgeFindings(stack);
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
app.synth();
