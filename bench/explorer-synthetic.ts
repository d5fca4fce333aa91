/**
 * The explorer on the synthetic corpus of issue 11 (bench/synthetic/, here 10k relationships by
 * default): this server on that data, Debian's chromium driving /explore as a researcher would —
 * open Russia's neighbourhood (a hub: the answer is cut at the API's limit), search "Moskau" (an alias),
 * expand a neighbour in place (from the list of nodes and the panel), select an edge and read its evidence, find a path between two hubs.
 * Every step is checked (a failed step fails the run), timed, and saved as a screenshot in
 * test/artifacts/synthetic-*.png. `npx tsx bench/explorer-synthetic.ts [--size 10k] [--store DIR]`;
 * writes bench/results/explorer-synthetic.json. Not part of `npm test` (it needs the corpus).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { ensureExplorerBundle } from '../src/web/bundle.js';
import { ARTIFACTS, launch } from '../test/helpers/browser.js';
import { openStore, type Size } from './compare/store.js';
import { startSystem } from './compare/systems.js';
import { log, machine, onCleanup, printBlock, runBench, writeResults } from './lib.js';

const { values: args } = parseArgs({
  options: { size: { type: 'string', default: '10k' }, store: { type: 'string' } },
});
const WAIT = 120_000;

interface Hook {
  idle(): Promise<void>;
  state(): { focus: string | null; expanded: string[]; selection: { type: string; id?: string; key?: string } | null };
  visibleNodes(): string[];
  visibleEdges(): string[];
  nodeViewport(key: string): { x: number; y: number } | null;
  edgeViewport(id: string): { x: number; y: number } | null;
}
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(
    () => (window as never as { explorer?: unknown }).explorer !== undefined && document.body.dataset.busy === 'false',
    null,
    { timeout: WAIT },
  );
  await p.evaluate(() => (window as never as { explorer: Hook }).explorer.idle());
}

async function at(p: Page, what: { node?: string; edge?: string }) {
  const box = await p.locator('#graph').boundingBox();
  const point = await p.evaluate(({ node, edge }) => {
    const h = (window as never as { explorer: Hook }).explorer;
    return node ? h.nodeViewport(node) : h.edgeViewport(edge as string);
  }, what);
  if (!box || !point) throw new Error(`not drawn: ${JSON.stringify(what)}`);
  return { x: box.x + point.x, y: box.y + point.y };
}

async function timed<T>(steps: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const out = await fn();
  steps[name] = Date.now() - t0;
  log(`${name}: ${steps[name]} ms`);
  return out;
}

runBench('explorer-synthetic', 30 * 60_000, async () => {
  await ensureExplorerBundle();
  const store = await openStore(args.size as Size, { store: args.store, heap: '1g', maxLoadMs: 60 * 60_000 });
  const server = await startSystem('P', store);
  onCleanup('server', () => server.stop());
  const browser = await launch();
  onCleanup('browser', () => browser.close());
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `synthetic-${name}.png`) });
  const steps: Record<string, number> = {};
  const seen: Record<string, unknown> = {};

  await timed(steps, 'open Russia, depth 2', async () => {
    await page.goto(`${server.url}/explore?focus=russia&depth=2`);
    await settled(page);
  });
  const russia = await page.evaluate(() => ({
    nodes: (window as never as { explorer: Hook }).explorer.visibleNodes().length,
    edges: (window as never as { explorer: Hook }).explorer.visibleEdges().length,
  }));
  seen.russiaDepth2 = russia;
  if (russia.nodes < 20) throw new Error(`Russia's neighbourhood shows only ${russia.nodes} nodes`);
  await shot('01-russia');
  // The timeline's axis over years of events: its labels must not run into each other.
  const labels = await page.$$eval('.tick-label', (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, text: el.textContent };
    }),
  );
  seen.axisLabels = labels.map((l) => l.text);
  for (let i = 1; i < labels.length; i++) {
    if ((labels[i]?.left ?? 0) < (labels[i - 1]?.right ?? 0)) {
      throw new Error(`timeline labels overlap: ${labels[i - 1]?.text} and ${labels[i]?.text}`);
    }
  }

  // "Moskau" is an alias of the Russian government in the corpus, as in the article.
  await timed(steps, 'search "Moskau" → the Government of Russia by alias', async () => {
    await page.goto(`${server.url}/explore`);
    await settled(page);
    await page.locator('#search').fill('Moskau');
    const option = page.locator('#search-list li[role=option]', { hasText: /Government of Russia/ }).first();
    await option.waitFor({ timeout: WAIT });
    await option.click();
    await page.waitForFunction(
      () => (window as never as { explorer: Hook }).explorer.state().focus === 'russian-government',
      null,
      { timeout: WAIT },
    );
    await settled(page);
  });
  await shot('02-search-moskau');

  await page.goto(`${server.url}/explore?focus=russia`);
  await settled(page);
  // Russia's neighbours come nearest first, then by key, up to the API's limit: take the first one shown.
  const neighbour = await page.evaluate(() =>
    (window as never as { explorer: Hook }).explorer.visibleNodes().find((k) => k !== 'russia'),
  );
  if (!neighbour) throw new Error('no node next to Russia is drawn');
  await timed(steps, `expand ${neighbour} in place`, async () => {
    const before = await page.evaluate(() => (window as never as { explorer: Hook }).explorer.visibleNodes().length);
    // Through the list of nodes and the panel's button: in a crowded hub view another node may lie on top.
    await page
      .locator('#node-list')
      .evaluate((el) => (el.parentElement as HTMLDetailsElement).setAttribute('open', ''));
    await page.locator(`#node-list button[data-node="${neighbour}"]`).click();
    await page.locator('#details button', { hasText: 'Expand' }).click({ timeout: WAIT });
    await page.waitForFunction(
      (k) => (window as never as { explorer: Hook }).explorer.state().expanded.includes(k),
      neighbour,
      { timeout: WAIT },
    );
    await settled(page);
    const after = await page.evaluate(() => (window as never as { explorer: Hook }).explorer.visibleNodes().length);
    seen.expanded = { neighbour, before, after };
    if (after <= before) throw new Error(`expanding ${neighbour} added no node (${before} → ${after})`);
  });
  await shot('03-expanded');

  const edge = await page.evaluate(
    (k) => (window as never as { explorer: Hook }).explorer.visibleEdges().find((e) => e.includes(k)),
    neighbour,
  );
  if (!edge) throw new Error(`no edge at ${neighbour}`);
  await timed(steps, 'select an edge → its evidence in the panel', async () => {
    const p = await at(page, { edge });
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(
      (id) => (window as never as { explorer: Hook }).explorer.state().selection?.id === id,
      edge,
      { timeout: WAIT },
    );
    await page.locator('#details mark').first().waitFor({ timeout: WAIT });
    await settled(page);
  });
  seen.edge = { id: edge, quotes: (await page.locator('#details mark').allTextContents()).length };
  await shot('04-edge-evidence');

  await timed(steps, 'path Putin → NATO', async () => {
    await page.goto(`${server.url}/explore?path=putin,nato,4`);
    // The path tool may be folded: its result is there, not necessarily visible.
    await page.locator('#path-result h3').waitFor({ state: 'attached', timeout: WAIT });
    await settled(page);
  });
  seen.path = await page.locator('#path-result h3').textContent();
  seen.pathHops = await page.locator('#path-result li.hop').count();
  seen.pathHopsWithQuotes = await page.locator('#path-result li.hop:has(mark)').count();
  if (!seen.pathHops) throw new Error('no path Putin → NATO shown');
  await shot('05-path');
  if (pageErrors.length) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);

  printBlock(
    `explorer on the synthetic corpus (${args.size}, ${store.counts.relationships} relationships)`,
    Object.entries(steps).map(([k, v]) => [k, `${v} ms`]),
  );
  writeResults('explorer-synthetic', { machine: machine(), size: args.size, counts: store.counts, steps, seen });
  return true;
});
