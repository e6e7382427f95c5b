import { ensureWebBuild } from '../../web/build.ts';

/** Vitest global setup: build the web app once, so server processes started by parallel test files all find it fresh. */
export default async function setup() {
  await ensureWebBuild({ log: (line) => process.stdout.write(`${line}\n`) });
}
