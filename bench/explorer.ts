/**
 * The explorer in headless Chromium (Debian's chromium, software WebGL): time from navigation to the
 * first drawn graph on loopback, frames per second while the camera moves over 2 000 and 10 000
 * synthetic nodes (drawn through the page's test hook: the API gives at most 200 per neighbourhood),
 * the latency of a click on a node until its panel shows, and the size of the bundled page.
 * `npx tsx bench/explorer.ts`; writes bench/results/explorer.json.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, ensureExplorerBundle } from '../src/web/bundle.js';
import { launch } from '../test/helpers/browser.js';
import { log, onCleanup, printBlock, runBench, startNeo4j, startServer, waitUntilSeeded, writeResults } from './lib.js';

runBench('explorer', 20 * 60_000, async () => {
  const { manifest } = await ensureExplorerBundle();
  const size = Object.fromEntries(
    Object.keys(manifest.files)
      .filter((f) => !f.endsWith('.map') && f !== 'manifest.json')
      .map((f) => {
        const b = readFileSync(path.join(DIST_DIR, f));
        return [f, { bytes: b.length, gzip: gzipSync(b, { level: 9 }).length }];
      }),
  );
  const neo4j = await startNeo4j();
  const server = await startServer(neo4j);
  await waitUntilSeeded(server);
  const browser = await launch();
  onCleanup('browser', () => browser.close());
  const page = await browser.context.newPage();

  const firstRender: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.goto(`${server.url}/explore?focus=turkey&depth=2`);
    await page.waitForFunction(() => Number(document.body.dataset.rendered ?? 0) >= 1, null, { timeout: 120_000 });
    firstRender.push(Date.now() - t0);
  }
  log(`first rendered graph: ${firstRender.join(', ')} ms`);

  const fps: Record<string, number> = {};
  for (const n of [2_000, 10_000]) {
    await page.evaluate(
      ([nodes, edges]) =>
        (
          window as never as { explorer: { loadSynthetic(a: number, b: number): Promise<void> } }
        ).explorer.loadSynthetic(nodes, edges),
      [n, n * 2] as const,
    );
    fps[n] = await page.evaluate(async () => {
      const sigma = (
        window as never as {
          explorer: {
            sigma(): {
              getCamera(): {
                setState(s: object): void;
                getState(): { ratio: number; angle: number; x: number; y: number };
              };
            };
          };
        }
      ).explorer.sigma();
      const camera = sigma.getCamera();
      let frames = 0;
      const start = performance.now();
      await new Promise<void>((resolve) => {
        const step = (t: number) => {
          frames++;
          const k = (t - start) / 1000;
          camera.setState({
            x: 0.5 + 0.2 * Math.sin(k),
            y: 0.5 + 0.2 * Math.cos(k),
            ratio: 0.6 + 0.3 * Math.sin(k / 2),
          });
          if (t - start < 5000) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      return Math.round((frames / ((performance.now() - start) / 1000)) * 10) / 10;
    });
    log(`${n} nodes, ${n * 2} edges: ${fps[n]} frames/s while the camera moves`);
  }

  await page.goto(`${server.url}/explore?focus=turkey&depth=2`);
  await page.waitForFunction(() => document.body.dataset.busy === 'false', null, { timeout: 120_000 });
  const clicks: number[] = [];
  for (const key of ['nato', 'russia', 'putin', 'ukraine', 'nato']) {
    const t0 = Date.now();
    await page
      .locator('#node-list')
      .evaluate((el) => (el.parentElement as HTMLDetailsElement).setAttribute('open', ''));
    await page.locator(`#node-list button[data-node="${key}"]`).click();
    await page.waitForFunction(
      (k) =>
        document.querySelector('#details ol.claims, #details p.muted:not(:first-child)') !== null &&
        document.querySelector('#details h2')?.textContent !== '' &&
        (window as never as { explorer: { state(): { selection: { key?: string } | null } } }).explorer.state()
          .selection?.key === k &&
        document.body.dataset.busy === 'false',
      key,
      { timeout: 120_000 },
    );
    clicks.push(Date.now() - t0);
  }
  log(`select a node → panel with claims: ${clicks.join(', ')} ms`);
  const results = { size, firstRenderMs: firstRender, fps, selectToPanelMs: clicks };
  printBlock('explorer', [
    ['bundle app.js (gzip)', `${size['app.js']?.bytes} (${size['app.js']?.gzip}) bytes`],
    ['first rendered graph', `${firstRender.join(' / ')} ms`],
    ['frames/s at 2 000 / 10 000 nodes', `${fps[2000]} / ${fps[10000]}`],
    ['select → panel', `${clicks.join(' / ')} ms`],
  ]);
  writeResults('explorer', results);
  return true;
});
