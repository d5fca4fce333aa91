import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import type { Database } from '../../src/db/driver.js';
import { createLogger } from '../../src/logger.js';
import { type AppOptions, createApp } from '../../src/yoga.js';

/** Debian's chromium (apt-get install chromium), never a downloaded browser build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test/artifacts');

/** The real server (HTTP, Yoga, the built page) on a free loopback port. */
export async function serve(db: Database, options: Omit<AppOptions, 'db' | 'logger'> = {}) {
  const server: Server = createServer(createApp({ db, logger: createLogger('silent'), ...options }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, close };
}

/** Headless Chromium with a fresh profile, no network but loopback, no first-run or update traffic. */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'geo-kg-chromium-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // tsx compiles functions passed to page.evaluate with esbuild's keepNames, which calls __name.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
