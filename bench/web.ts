/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { codeIn, nextMessageTo, outboxSize, seedProgramme } from '../test/e2e/web/people.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { http, removeDataDir, type ServerProcess, startServer } from '../test/support/server-process.ts';
import { ensureWebBuild, WEB_DIST } from '../web/build.ts';

/**
 * `npm run bench:web`: what a phone pays to open the inbox. (1) The initial JavaScript of the inbox page,
 * gzipped: the entry chunk and every chunk it imports statically (the inbox is in the entry; the task form,
 * the charts and the other pages are lazy), plus the language catalogue loaded before the first paint.
 * Budget 150 KB. (2) The largest contentful paint of the inbox in Debian's Chromium under a throttled mobile
 * profile (Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower), cold
 * cache, median of N runs. Budget 2.5 s. A benchmark, not a test: it prints figures and exits 0.
 */

const RUNS = Number(process.env.RUNS ?? 5);
const PROFILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (file: string) => gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;

/** The entry's static import closure, read from index.html (the script and its modulepreload links). */
function initialJavaScript() {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const locale = readdirSync(join(WEB_DIST, 'assets'))
    .filter((file) => /^en-[\w-]+\.js$/.test(file))
    .map((file) => `assets/${file}`)[0];
  const chunks = files.map((file) => ({ file, gzipBytes: gz(file) }));
  const catalogue = locale ? { file: locale, gzipBytes: gz(locale) } : undefined;
  const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) + (catalogue?.gzipBytes ?? 0);
  return { chunks, catalogue, totalGzipBytes: total };
}

async function throttled(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(() => {
    (window as unknown as { __lcp: number }).__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as unknown as { __lcp: number }).__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  return page;
}

/** Opens `url` cold and returns the LCP (ms) once `ready` is visible, with the JS bytes that crossed the wire. */
async function measure(context: BrowserContext, url: string, ready: (page: Page) => Promise<unknown>) {
  const page = await throttled(context);
  let scriptBytes = 0;
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') {
      const sizes = await response
        .request()
        .sizes()
        .catch(() => undefined);
      scriptBytes += sizes?.responseBodySize ?? 0;
    }
  });
  const started = Date.now();
  await page.goto(url);
  await ready(page);
  const visibleMs = Date.now() - started;
  await page.waitForTimeout(500);
  // LCP is final at the first input; until then the last entry is the largest so far.
  const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  await page.close();
  return { lcpMs: Math.round(lcp), visibleMs, scriptWireBytes: scriptBytes };
}

/** A municipality with a running cycle: its staff have the needs assessment in their inbox. */
async function seedCycle(server: ServerProcess) {
  await seedProgramme(server, { displayName: 'Bench Coordinator', email: 'coordinator@bench.example' });
  const root = await server.token({ role: 'coordinator', countries: 'BG' });
  await http(server, 'POST', '/cycles', root, { municipalityId: 'bg-sliven', clientToken: 'bench' });
  return root;
}

/**
 * A staff member signed in the way the app signs in (a code from the outbox, then /auth/verify); returns the
 * refresh cookie for a cold browser context. One person per run: a refresh token rotates when used, so two
 * contexts cannot share one.
 */
async function signedInStaff(server: ServerProcess, root: string, run: number) {
  const email = `staff-${run}@bench.example`;
  await http(server, 'POST', '/municipalities/bg-sliven/invitations', root, {
    role: 'municipality',
    displayName: `Bench Staff ${run}`,
    locale: 'en',
    channel: 'email',
    address: email,
  });
  const before = outboxSize(server);
  await http(server, 'POST', '/auth/start', undefined, { channel: 'email', address: email });
  const code = codeIn((await nextMessageTo(server, email, before, 'sign-in')).text);
  const verified = await fetch(`${server.url}/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'email', address: email, code }),
  });
  const cookie = /romact_refresh=([^;]+)/.exec(verified.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`sign-in failed: ${verified.status}`);
  return {
    name: 'romact_refresh',
    value: cookie,
    domain: new URL(server.url).hostname,
    path: '/auth',
    httpOnly: true,
    secure: true,
    sameSite: 'Strict' as const,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const build = await ensureWebBuild({ log: (line) => process.stderr.write(`${line}\n`) });
const js = initialJavaScript();
const server = await startServer();
const browser = await launchBrowser();
try {
  const root = await seedCycle(server);
  const target = "a municipal staff member's inbox, signed in, with one open task";
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
    await context.addCookies([await signedInStaff(server, root, run)]);
    runs.push(
      await measure(context, `${server.url}/`, (page) =>
        page
          .getByRole('listitem')
          .filter({ hasText: 'Submit the needs assessment' })
          .waitFor({ timeout: 30_000 }),
      ),
    );
    await context.close();
  }
  const result = {
    page: target,
    build: build.built ? `built in ${build.ms} ms` : 'up to date',
    initialJavaScript: {
      totalGzipKB: kb(js.totalGzipBytes),
      budgetKB: 150,
      chunks: js.chunks.map((chunk) => ({ file: chunk.file, gzipKB: kb(chunk.gzipBytes) })),
      catalogue: js.catalogue ? { file: js.catalogue.file, gzipKB: kb(js.catalogue.gzipBytes) } : undefined,
    },
    lcp: {
      profile: `slow 4G (${PROFILE.latency} ms RTT, 1.6 Mbit/s down), CPU ${CPU_SLOWDOWN}× slower, cold cache, 360×740`,
      medianMs: median(runs.map((run) => run.lcpMs)),
      runsMs: runs.map((run) => run.lcpMs),
      headingVisibleMedianMs: median(runs.map((run) => run.visibleMs)),
      scriptWireKB: kb(median(runs.map((run) => run.scriptWireBytes))),
      budgetMs: 2_500,
    },
  };
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    process.stdout.write(
      [
        `## Web app benchmark (${result.page})`,
        '',
        '| figure | value | budget |',
        '| --- | --- | --- |',
        `| initial JavaScript of the inbox, gzipped | ${result.initialJavaScript.totalGzipKB} KB (${js.chunks.length} chunks + the ${js.catalogue ? 'English catalogue' : 'catalogue'}) | ≤ ${result.initialJavaScript.budgetKB} KB |`,
        `| largest contentful paint, median of ${RUNS} | ${result.lcp.medianMs} ms (runs: ${result.lcp.runsMs.join(', ')}) | ≤ ${result.lcp.budgetMs} ms |`,
        `| first task visible (wall clock), median | ${result.lcp.headingVisibleMedianMs} ms | |`,
        `| JavaScript over the wire (gzip), median | ${result.lcp.scriptWireKB} KB | |`,
        '',
        `Profile: ${result.lcp.profile}.`,
        '',
        'Largest chunks (gzip): ' +
          [...result.initialJavaScript.chunks]
            .sort((a, b) => b.gzipKB - a.gzipKB)
            .slice(0, 4)
            .map((chunk) => `${chunk.file} ${chunk.gzipKB} KB`)
            .join(', '),
        '',
      ].join('\n'),
    );
  }
} finally {
  await browser.close();
  await server.kill('SIGTERM');
  removeDataDir(server);
}
