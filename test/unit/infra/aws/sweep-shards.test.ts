import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { loadDeployConfig, parseDeployConfig } from '#infra/aws/config.ts';
import { RomactStack } from '#infra/aws/romact-stack.ts';

const example = loadDeployConfig(
  new URL('../../../../infra/aws/regions.example.json', import.meta.url).pathname,
);

describe('sweepShards in the region config', () => {
  it('tells every function that touches the table how many sweep shards there are', () => {
    // Prepare
    const region = { ...(example.regions[0] as (typeof example.regions)[number]), sweepShards: 16 };
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });

    // Act
    const stack = new RomactStack(app, 'Romact-test-shards', {
      stage: 'test',
      regionConfig: region,
      env: { region: region.region },
    });
    const functions = Object.values(
      Template.fromStack(stack).findResources('AWS::Lambda::Function') as Record<
        string,
        { Properties: { Environment?: { Variables?: Record<string, unknown> } } }
      >,
    ).map((resource) => resource.Properties.Environment?.Variables ?? {});

    // Assess: the writers place tasks in the shards and the sweep reads them; the others need not know.
    const withTable = functions.filter((variables) => 'TABLE_NAME' in variables);
    expect(withTable.length).toBeGreaterThan(10);
    expect(withTable.filter((variables) => variables.SWEEP_SHARDS !== '16')).toEqual([]);
    // Synthesising a whole stack takes seconds on an idle machine; the default 30 s is tight on a busy one.
  }, 120_000);

  it('defaults to 4 and refuses a count outside 1–64, naming the field', () => {
    const region = example.regions[0] as (typeof example.regions)[number];
    const { sweepShards: _default, ...withoutShards } = region;
    expect(parseDeployConfig({ ...example, regions: [withoutShards] }).regions[0]?.sweepShards).toBe(4);
    for (const sweepShards of [0, 65, 2.5]) {
      expect(() => parseDeployConfig({ ...example, regions: [{ ...region, sweepShards }] })).toThrow(
        /regions\.0\.sweepShards/,
      );
    }
  });
});
