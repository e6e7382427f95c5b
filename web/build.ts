import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The web app is built on the server's first start, and again whenever its sources change: `npm install &&
 * npm start` then serves it with no extra step, and nobody commits a bundle that can drift from its sources.
 * A Vite (rolldown) build of this app takes a few seconds, once; after that the stamp matches and the start
 * costs one hash of the sources. A clone installed without dev dependencies (no Vite) serves whatever was
 * built before, if anything.
 */

const WEB_DIR = new URL('.', import.meta.url).pathname;
const ROOT = join(WEB_DIR, '..');
/** Where the built app lives (gitignored). */
export const WEB_DIST = join(WEB_DIR, 'dist');
const STAMP = '.sources-hash';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** A hash of everything the bundle is made from: sources, build config, the output schemas behind the form validators, the lockfile. */
export function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...listFiles(join(WEB_DIR, 'src')),
    ...(existsSync(join(WEB_DIR, 'public')) ? listFiles(join(WEB_DIR, 'public')) : []),
    join(WEB_DIR, 'index.html'),
    join(WEB_DIR, 'vite.config.ts'),
    join(WEB_DIR, 'output-validators.ts'),
    join(ROOT, 'shared', 'domain', 'model', 'task-outputs.ts'),
    join(ROOT, 'package-lock.json'),
  ].sort();
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether `dist` holds a build of the current sources. */
export function isBuildFresh(dist = WEB_DIST): boolean {
  const stamp = join(dist, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === sourcesHash();
}

/**
 * Builds the app into `dist` unless it is fresh. Builds into a sibling folder and renames it into place, so a
 * server reading `dist` meanwhile never sees half a build, and two processes building at once both end well.
 */
export async function ensureWebBuild(
  options: { log?: (line: string) => void; outDir?: string } = {},
): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  const dist = options.outDir ?? WEB_DIST;
  if (isBuildFresh(dist)) return { built: false, ms: 0 };
  const hash = sourcesHash();
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    if (existsSync(join(dist, 'index.html'))) {
      options.log?.('Web app: Vite is not installed; serving the existing build');
      return { built: false, ms: 0 };
    }
    throw new Error('The web app is not built and Vite is not installed: run `npm install`');
  }
  options.log?.('Building the web app (first start or changed sources; a few seconds)…');
  const staging = `${dist}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // Vite keeps a NODE_ENV it finds (a test runner sets `test`), which would give React's development build and
  // JSX transform: the app is always built for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: join(WEB_DIR, 'vite.config.ts'),
      root: WEB_DIR,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(join(staging, STAMP), hash);
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  try {
    renameSync(staging, dist);
  } catch (error) {
    // Another process put the same build in place first.
    if (!isBuildFresh(dist)) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return { built: true, ms: Date.now() - started };
}

/** The build's files, for callers that need to know it is there (CDK asset). */
export function assertBuilt(dist = WEB_DIST): string {
  if (!existsSync(join(dist, 'index.html')) || !statSync(dist).isDirectory()) {
    throw new Error(`The web app is not built in ${dist}: run \`npm run build:web\``);
  }
  mkdirSync(dist, { recursive: true });
  return dist;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // `--out DIR`: build into DIR (CDK's local bundling of the web hosting asset).
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  const { built, ms } = await ensureWebBuild({
    log: (line) => process.stdout.write(`${line}\n`),
    ...(outDir ? { outDir } : {}),
  });
  const where = outDir ?? WEB_DIST;
  process.stdout.write(built ? `Web app built in ${ms} ms: ${where}\n` : `Web app is up to date: ${where}\n`);
}
