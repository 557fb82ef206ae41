import { TEST_NOW } from '../src/test/clock.ts';
import { freePort } from '../src/test/support.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface RunningServer {
  url: string;
  dataDir: string;
  /** The built-in SMTP receiver: mail the brands' support addresses here. */
  smtpPort: number;
  stop(): Promise<void>;
}

/**
 * The instant the browser tests' server starts at (its clock then advances in real time): tests
 * compute what they expect from it, never from the machine's clock. A hostile-date run sets it
 * through APRES_TEST_NOW.
 */
export const SERVER_NOW = TEST_NOW;

/**
 * Starts the real server as `npm start` does (the compiled server, built first if its sources
 * changed) on the embedded store in a fresh folder, its clock at
 * SERVER_NOW. Ready means its last start-up line: the HTTP API and the SMTP receiver both listen.
 * The two ports are picked free before the server binds them, so another process may take one in
 * between: only that (EADDRINUSE) starts it again on other ports; any other early exit fails.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(options);
    } catch (err) {
      if (!(err instanceof PortTakenError) || attempt >= 3) throw err;
      console.warn(`e2e: ${err.message}; starting the server again on other ports`);
    }
  }
}

class PortTakenError extends Error {}

interface ServerOptions {
  /** A migrated and seeded data folder to start from (a copy of it); default: the run's (e2e/global-setup.ts). */
  template?: string | null;
  /** Keep the data folder when the server stops (the global setup's template). */
  keep?: boolean;
}

async function startServerOnce(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  let smtpPort = await freePort();
  while (smtpPort === port) smtpPort = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apres-e2e-'));
  // The run's first start migrated and seeded a folder (e2e/global-setup.ts): each file starts from
  // a copy of it, as a restarted install does, instead of migrating and seeding again.
  const template = options.template === undefined ? inject('e2eDataTemplate') : options.template;
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, NODE_ENV: 'test', APRES_TEST_NOW: SERVER_NOW.toISOString(), APRES_TEST_CLOCK: 'advancing', PORT: String(port), APRES_SMTP_PORT: String(smtpPort), HOST: '127.0.0.1', APRES_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' }, // the e2e server always runs on the embedded store
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 150_000;
  const startedAt = performance.now();
  for (;;) {
    if (child.exitCode !== null) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (output.includes('EADDRINUSE')) throw new PortTakenError(`port ${port} or ${smtpPort} was taken before the server bound it`);
      throw new Error(`server exited early (code ${child.exitCode}):\n${output}`);
    }
    if (output.includes('Apres is running at')) {
      try {
        if ((await fetch(`${url}/api/v1/health`)).ok) break;
      } catch {
        /* not answering yet */
      }
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in ${Math.round((performance.now() - startedAt) / 1000)} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    smtpPort,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
  return chromium.launch({
    executablePath: process.env.APRES_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage', // containers give /dev/shm 64 MB; Chromium then crashes at random
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The browser's own clock is set far from the server's (another year, weekday and hour): the web
 * app must take "now" from the server, and a page that reads the browser's clock shows it.
 */
export const BROWSER_CLOCK = new Date(SERVER_NOW.getTime() + 400 * 86_400_000 + 5 * 3_600_000 + 17 * 60_000);

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.setSystemTime(BROWSER_CLOCK);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export async function login(page: Page, baseUrl: string, email: string, password = 'apres-demo'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * One app server and one Chromium for a describe block, started before its tests and stopped
 * after them. The returned object is filled in by `beforeAll`.
 */
export function useServerAndBrowser(): { server: RunningServer; browser: Browser } {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
