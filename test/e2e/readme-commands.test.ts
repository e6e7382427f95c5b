import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, readmeSection, shellBlocks } from '../support/readme.ts';

/**
 * The README's commands, run as written: "Run it" (its npm install / start / test are what this suite is
 * already doing, so they are checked, not run again), "Try it" (the CLI against the demo, then curl) and "The
 * compiled state machine". The server is booted with the `start` script of package.json, exactly as `npm start`
 * runs it, on a free port and a temporary data dir. A command that exits non-zero, or a curl answered 4xx/5xx,
 * fails the suite.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const SDK_WARNING_VAR = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

let server: { child: ChildProcess; port: number; output: () => string };
let dataDir: string;

/** The environment of a shell the reader opened: the suite's own, less what npm start must set by itself. */
function readerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ROMACT_DATA_DIR: dataDir, ...extra };
  delete env[SDK_WARNING_VAR];
  delete env.ROMACT_API_URL;
  return env;
}

/** `npm start`: the start script, run by a shell with node_modules/.bin on PATH, as npm runs it. */
async function npmStart(): Promise<typeof server> {
  const child = spawn('sh', ['-c', pkg.scripts.start], {
    cwd: ROOT,
    detached: true,
    env: readerEnv({
      PORT: '0',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not listen:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { child, port, output: () => output };
}

/** Runs one README command in bash, as a reader would paste it; resolves with its output or fails. */
function sh(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`README command failed (exit ${code}):\n${script}\n${stdout}\n${stderr}`)),
    );
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'romact-readme-'));
  server = await npmStart();
}, 90_000);
afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.pid) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    process.kill(-server.child.pid, 'SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Every shell block of the README, by the heading it sits under: what runs it, or why nothing can. A new block
 * fails the suite until it is run here or its reason is written down.
 */
const SHELL_BLOCKS: Record<string, string[]> = {
  '## Run it': ['checked below: npm install, npm start and npm test are what this suite itself runs'],
  '### Try it': ['run below: the demo walk-through', 'run below: the curl commands'],
  '#### Sign in': ['run below: each role signs in', 'run below: the code read from the outbox'],
  '### The compiled state machine': ['run below'],
  '### The whole process: phase kinds and the results chain': [
    'bench:process runs in test/integration/bench/process.test.ts; cycle results needs a whole-process cycle, whose route test/e2e/romact-process.test.ts reads',
  ],
  '### Config': [
    'cp and npx cdk synth run in test/e2e/cdk-synth.test.ts; cdk bootstrap and deploy need an AWS account',
  ],
  '## Benchmark': [
    'npm run bench runs with tiny numbers in test/integration/bench/benchmark.test.ts; a full run is a measurement',
  ],
};

describe('README: every shell block', () => {
  it('is run by the suite, or says here why it cannot be', () => {
    const found: Record<string, number> = {};
    let heading = '';
    let inBlock = false;
    for (const line of readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n')) {
      if (line.startsWith('```')) {
        // A shell session under any fence name counts: `sh`, `bash`, `shell`, `console`, or none at all.
        if (!inBlock && /^```(sh|bash|shell|console|zsh)?\s*$/.test(line))
          found[heading] = (found[heading] ?? 0) + 1;
        inBlock = !inBlock;
      } else if (!inBlock && /^#+ /.test(line)) heading = line;
    }
    expect(found).toEqual(
      Object.fromEntries(Object.entries(SHELL_BLOCKS).map(([name, why]) => [name, why.length])),
    );
  });
});

describe('README: Run it', () => {
  it('lists npm install, npm start, npm test', () => {
    const [block, ...others] = shellBlocks(readmeSection('## Run it'));
    expect(others).toEqual([]);
    expect(commands(block ?? '')).toEqual(['npm install', 'npm start', 'npm test']);
  });

  it('npm install leaves the tree clean: the lockfile root mirrors package.json', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    const root = lock.packages[''];
    for (const field of ['name', 'version', 'dependencies', 'devDependencies', 'engines', 'bin'])
      expect(root[field], `package-lock.json packages[""].${field}`).toEqual(pkg[field]);
  });

  it('npm start is the server this suite boots, and it starts without warnings', () => {
    expect(pkg.scripts.start).toBe(`${SDK_WARNING_VAR}=true tsx infra/local/main.ts`);
    expect(server.output()).toContain(`listening on http://127.0.0.1:${server.port}`);
    expect(server.output()).not.toMatch(/Warning|EBADENGINE/);
  });

  it('npm test is the type-check, the lint and this suite', () => {
    expect(pkg.scripts.test).toBe('npm run typecheck && npm run lint && vitest run');
  });
});

describe('README: Try it', () => {
  it('runs every command of the demo walk-through as written', async () => {
    const [block] = shellBlocks(readmeSection('### Try it'));
    const steps = commands(block ?? '');
    expect(steps[0]).toBe('npx romact demo');
    const env = readerEnv({ PORT: String(server.port) });
    let seen = '';
    for (const step of steps) {
      const filled = step.replace(/<(\w+)>/g, (placeholder, name: string) => {
        const found = placeholderValue(name, seen);
        if (!found) throw new Error(`No value for ${placeholder} in the output so far:\n${seen}`);
        return found;
      });
      const output = await retryWhileEmpty(step, () => sh(filled, env));
      expect(output.trim(), step).not.toBe('');
      seen += output;
    }
    expect(seen).toMatch(/Completed cyc-[0-9a-f]{20}\.community-consultation\.r0/);
    // The template's hint repeats whom the command ran as: pasted as printed, it completes the task.
    expect(seen).toMatch(
      /npx romact task complete cyc-[0-9a-f]{20}\.community-consultation\.r0 --as cag --municipality bg-demo-stolipinovo --data <file>/,
    );
  }, 120_000);

  it('runs the curl commands as written: every answer is 2xx JSON', async () => {
    const [, block] = shellBlocks(readmeSection('### Try it'));
    const script = commands(block ?? '').join('\n');
    expect(script).toContain('localhost:3000');
    // The README's server listens on 3000; this one on a free port. curl fails on an HTTP error, printing its
    // body, and every answer is kept to be checked.
    const answers = join(dataDir, 'curl-answers');
    const wrapped = [
      `curl() { command curl --fail-with-body "$@" | tee -a ${answers}; echo >> ${answers}; }`,
      script.replaceAll('localhost:3000', `localhost:${server.port}`),
    ].join('\n');
    await sh(wrapped, readerEnv());
    const bodies = readFileSync(answers, 'utf8').trim().split('\n');
    expect(bodies).toHaveLength((script.match(/\bcurl /g) ?? []).length);
    for (const body of bodies) expect(JSON.parse(body)).not.toHaveProperty('error');
    expect(JSON.parse(bodies[1] ?? '{}')).toMatchObject({ municipalityId: 'bg-sliven', status: 'RUNNING' });
  }, 60_000);
});

describe('README: Sign in', () => {
  it('signs in each role with the CLI, reading each code from the outbox as the README says', async () => {
    const [block, readCode] = shellBlocks(readmeSection('#### Sign in'));
    const steps = commands(block ?? '');
    const [read] = commands(readCode ?? '');
    expect(steps.filter((step) => step.startsWith('npx romact login'))).toHaveLength(3);
    expect(read).toMatch(/^npx romact notifications .*--recipient ana@example\.org$/);
    // The demo's people (the "Try it" walk-through ran it); sessions kept apart from the reader's own.
    const configDir = mkdtempSync(join(tmpdir(), 'romact-readme-config-'));
    const env = readerEnv({ PORT: String(server.port), ROMACT_CONFIG_DIR: configDir });
    let seen = '';
    try {
      for (const step of steps) {
        const address = /^npx romact login --(?:email|phone) (\S+)/.exec(step)?.[1];
        seen += address
          ? await loginTyping(step, env, async () => {
              const outbox = await sh((read ?? '').replace('ana@example.org', address), env);
              const code = [...outbox.matchAll(/\b(\d{6})\b/g)].at(-1)?.[1];
              if (!code) throw new Error(`No code in the outbox for ${address}:\n${outbox}`);
              return code;
            })
          : await sh(step, env);
      }
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
    expect(seen).toContain('Signed in as Ana Ivanova, coordinator of BG, RO.');
    expect(seen).toMatch(/^\* mbr-[0-9a-f]{20} {2}coordinator of BG, RO$/m);
    // The CLI names the municipality, as people know it, not by its id.
    expect(seen).toMatch(/Signed in as .*, municipal staff of Plovdiv – Stolipinovo\./);
    expect(seen).toMatch(/Signed in as .*, CAG member of Plovdiv – Stolipinovo\./);
    expect(seen).toContain('Signed out.');
  }, 120_000);
});

/**
 * Runs `romact login` as a reader does: it sends the code and asks for it; the reader reads it from the outbox
 * (`code()`) and types it.
 */
function loginTyping(script: string, env: NodeJS.ProcessEnv, code: () => Promise<string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    let typed = false;
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      if (typed || !stderr.includes('Code:')) return;
      typed = true;
      code().then(
        (value) => child.stdin.end(`${value}\n`),
        (error: Error) => {
          child.kill();
          reject(error);
        },
      );
    });
    child.on('close', (exit) =>
      exit === 0
        ? resolve(stdout)
        : reject(new Error(`README command failed (exit ${exit}):\n${script}\n${stdout}\n${stderr}`)),
    );
  });
}

describe('README: The compiled state machine', () => {
  it('runs each workflow command', async () => {
    const [block] = shellBlocks(readmeSection('### The compiled state machine'));
    const steps = commands(block ?? '');
    expect(steps).toHaveLength(3);
    for (const step of steps) expect((await sh(step, readerEnv())).trim(), step).not.toBe('');
  }, 60_000);
});

/** A placeholder's value from the output so far: the first cycle id, the last task id. */
function placeholderValue(name: string, output: string): string | undefined {
  if (name === 'cycleId') return /\bcyc-[0-9a-f]{20}\b/.exec(output)?.[0];
  if (name === 'taskId') return [...output.matchAll(/\bcyc-[0-9a-f]{20}\.[a-z-]+\.r\d+\b/g)].at(-1)?.[0];
  return undefined;
}

/** A list shown before the workflow opened its task prints "No results.": a reader would look again. */
async function retryWhileEmpty(step: string, run: () => Promise<string>): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const output = await run();
    if (!/^No results\.$/m.test(output) || attempt >= 20 || !step.includes(' list')) return output;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
