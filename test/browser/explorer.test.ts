import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/driver.js';
import { ensureExplorerBundle } from '../../src/web/bundle.js';
import { testApp } from '../helpers/app.js';
import { ARTIFACTS, launch, serve } from '../helpers/browser.js';
import { resetToArticle, testDatabase } from '../helpers/db.js';

// Generous waits on conditions, never fixed sleeps: the machine is small and shared.
const WAIT = 90_000;

interface Hook {
  idle(): Promise<void>;
  state(): {
    focus: string | null;
    expanded: string[];
    selection: { type: string; key?: string; id?: string } | null;
    path: unknown;
  };
  visibleNodes(): string[];
  visibleEdges(): string[];
  nodeViewport(key: string): { x: number; y: number } | null;
  edgeViewport(id: string): { x: number; y: number } | null;
  positions(): Record<string, { x: number; y: number }>;
  sigma(): unknown;
}
declare global {
  interface Window {
    explorer: Hook;
  }
}

let db: Database;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

async function settled(p: Page): Promise<void> {
  await p.waitForFunction(() => window.explorer !== undefined && document.body.dataset.busy === 'false', null, {
    timeout: WAIT,
  });
  await p.evaluate(() => window.explorer.idle());
}

async function open(p: Page, query = ''): Promise<void> {
  await p.goto(`${server.url}/explore${query}`);
  await settled(p);
}

/**
 * Mouse position of a node or edge: its place in the drawing plus the drawing's place on the page,
 * once sigma finds it there (its picking buffer is drawn in an animation frame, which a busy machine
 * delays: a click before that finds nothing, as a user's would).
 */
async function at(p: Page, what: { node?: string; edge?: string }): Promise<{ x: number; y: number }> {
  const pickable = await p.waitForFunction(
    ({ node, edge }) => {
      const point = node ? window.explorer.nodeViewport(node) : window.explorer.edgeViewport(edge as string);
      if (!point) return null;
      const sigma = window.explorer.sigma() as unknown as {
        getNodeAtPosition(p: { x: number; y: number }): string | null;
        getEdgeAtPoint(x: number, y: number): string | null;
      };
      const found = node ? sigma.getNodeAtPosition(point) === node : sigma.getEdgeAtPoint(point.x, point.y) === edge;
      return found ? point : null;
    },
    what,
    { timeout: WAIT },
  );
  const point = (await pickable.jsonValue()) as { x: number; y: number };
  const box = await p.locator('#graph').boundingBox();
  if (!box) throw new Error(`not drawn: ${JSON.stringify(what)}`);
  return { x: box.x + point.x, y: box.y + point.y };
}

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ARTIFACTS, name) });

async function pick(p: Page, input: string, text: string, option: RegExp): Promise<void> {
  await p.locator(input).fill(text);
  await p.locator(`${input}-list li[role=option]`, { hasText: option }).first().waitFor({ timeout: WAIT });
  await p.locator(`${input}-list li[role=option]`, { hasText: option }).first().click();
}

describe('the explorer in a real headless Chromium', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    db = testDatabase(120_000);
    await resetToArticle(db);
    await ensureExplorerBundle();
    // The defaults of RATE_LIMIT_PER_MINUTE and RATE_LIMIT_BURST: the page must stay under them.
    const { rateLimit } = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused' });
    server = await serve(db, { rateLimit });
    browser = await launch();
    context = browser.context;
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    context.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
        foreignRequests.push(r.url());
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('is linked from / and from GraphiQL, and loads nothing from elsewhere', async () => {
    const home = await fetch(`${server.url}/`);
    expect(await home.text()).toContain('href="/explore"');
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('href="/explore"');
    await open(page);
    expect(await page.locator('#details h2').textContent()).toBe('Details');
    expect(foreignRequests).toEqual([]);
  });

  it('searches "erdogan", expands Turkey, and shows the verbatim quote of the Turkey → NATO edge', async () => {
    await open(page);
    await pick(page, '#search', 'erdogan', /Erdoğan/);
    await page.waitForFunction(() => window.explorer.state().focus === 'erdogan', null, { timeout: WAIT });
    await settled(page);
    expect(await page.evaluate(() => window.explorer.visibleNodes())).toContain('turkey');
    expect(await page.evaluate(() => window.explorer.visibleNodes())).not.toContain('nato');
    await shot(page, '01-search-erdogan.png');

    const before = await page.evaluate(() => window.explorer.positions());
    const turkey = await at(page, { node: 'turkey' });
    await page.mouse.dblclick(turkey.x, turkey.y);
    await page.waitForFunction(() => window.explorer.state().expanded.includes('turkey'), null, { timeout: WAIT });
    await settled(page);
    const nodes = await page.evaluate(() => window.explorer.visibleNodes());
    expect(nodes).toContain('nato');
    // Stable layout: what was drawn before the expansion did not move.
    const after = await page.evaluate(() => window.explorer.positions());
    for (const [key, p] of Object.entries(before)) expect(after[key]).toEqual(p);
    await shot(page, '02-expand-turkey.png');

    const edge = await at(page, { edge: 'MEMBER_OF:turkey->nato' });
    await page.mouse.click(edge.x, edge.y);
    await expect
      .poll(() => page.evaluate(() => window.explorer.state().selection), { timeout: WAIT })
      .toEqual({ type: 'edge', id: 'MEMBER_OF:turkey->nato' });
    await page.locator('#details mark').first().waitFor({ timeout: WAIT });
    await settled(page);
    expect(await page.locator('#details h2').textContent()).toBe('Turkey → NATO');
    const marks = await page.locator('#details mark').allTextContents();
    // The quotes the API gives for this edge, verbatim, each marked inside its paragraph of the article.
    const { gql } = testApp(db);
    const api = await gql(
      '{ shortestPath(from: "turkey", to: "nato", maxHops: 1, kinds: [MEMBER_OF]) { edges { evidence { quote gloss } } } }',
    );
    const quotes = api.data.shortestPath.edges[0].evidence.map((e: { quote: string }) => e.quote);
    expect(quotes).toContain('der auch die Türkei angehört');
    expect(marks.sort()).toEqual([...quotes].sort());
    const paragraph = await page
      .locator('#details blockquote', { hasText: 'der auch die Türkei angehört' })
      .textContent();
    expect(paragraph).toContain(
      'In dem Telefonat ging es auch um Russlands Forderungen an die Nato, der auch die Türkei angehört.',
    );
    expect(await page.locator('#details figcaption').first().textContent()).toContain(
      api.data.shortestPath.edges[0].evidence[0].gloss,
    );
    await shot(page, '03-edge-turkey-nato-evidence.png');
    expect(pageErrors).toEqual([]);
  });

  it('finds the path Putin → NATO with the evidence of every hop', async () => {
    await page.locator('#path-tool summary').click();
    await pick(page, '#path-from', 'putin', /Putin/);
    await pick(page, '#path-to', 'nato', /NATO/);
    await page.locator('#path-go').click();
    await page.locator('#path-result h3').waitFor({ timeout: WAIT });
    await settled(page);
    const { gql } = testApp(db);
    const api = await gql('{ shortestPath(from: "putin", to: "nato") { length nodes { key label } edges { id } } }');
    const p = api.data.shortestPath;
    expect(await page.locator('#path-result h3').textContent()).toContain(`${p.length} hops`);
    expect(await page.locator('#path-result li.hop').count()).toBe(p.length);
    for (const e of p.edges) {
      const hop = page.locator(`#path-result li.hop[data-edge="${e.id}"]`);
      expect(await hop.locator('mark').count()).toBeGreaterThan(0);
    }
    const visible = await page.evaluate(() => window.explorer.visibleNodes());
    for (const n of p.nodes) expect(visible).toContain(n.key);
    await shot(page, '04-path-putin-nato.png');
  });

  it('opens a shared URL and shows the same view; back and forward walk through the history', async () => {
    const url = page.url();
    expect(url).toContain('focus=erdogan');
    expect(url).toContain('expand=turkey');
    expect(url).toContain('path=putin,nato');
    const shown = async (p: Page) =>
      p.evaluate(() => ({
        nodes: window.explorer.visibleNodes().sort(),
        edges: window.explorer.visibleEdges().sort(),
        state: window.explorer.state(),
        positions: window.explorer.positions(),
      }));
    const mine = await shown(page);
    const colleague = await context.newPage();
    await colleague.goto(url);
    await settled(colleague);
    const theirs = await shown(colleague);
    expect(theirs.nodes).toEqual(mine.nodes);
    expect(theirs.edges).toEqual(mine.edges);
    expect(theirs.state).toEqual(mine.state);
    // The layout is deterministic: the same view is drawn the same way.
    expect(theirs.positions).toEqual(mine.positions);
    expect(await colleague.locator('#details h2').textContent()).toBe('Turkey → NATO');
    await shot(colleague, '05-shared-url.png');
    await colleague.close();

    await page.goBack();
    await page.waitForFunction(() => window.explorer.state().path === null, null, { timeout: WAIT });
    await settled(page);
    await page.goForward();
    await page.waitForFunction(() => window.explorer.state().path !== null, null, { timeout: WAIT });
    await settled(page);
    expect((await shown(page)).nodes).toEqual(mine.nodes);
  });

  it('exports the current view as GEXF that another parser reads, with the nodes and edges in view', async () => {
    await page.locator('#export-tool summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT }),
      page.locator('button[data-export="gexf"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('erdogan-depth1-plus1.gexf');
    const file = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(file, 'utf8'));
    const nodes = [doc.gexf.graph.nodes.node].flat();
    const edges = [doc.gexf.graph.edges.edge].flat();
    const view = await page.evaluate(() => ({
      nodes: window.explorer.visibleNodes(),
      edges: window.explorer.visibleEdges(),
    }));
    expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual([...view.nodes].sort());
    expect(edges.map((e: { id: string }) => e.id).sort()).toEqual([...view.edges].sort());
    const nato = edges.find((e: { id: string }) => e.id === 'MEMBER_OF:turkey->nato');
    const quotes = [nato.attvalues.attvalue].flat().find((a: { for: string }) => a.for === 'evidenceQuotes');
    expect(quotes.value).toContain('der auch die Türkei angehört');
    await shot(page, '06-export.png');
  });

  it('says so clearly when the server refuses a query as too costly, and when it cannot be reached', async () => {
    const strict = await serve(db, { limits: { ...DEFAULT_LIMITS, maxCost: 500 } });
    const p = await context.newPage();
    try {
      await p.goto(`${strict.url}/explore?focus=turkey&depth=3`);
      await p.locator('#alert').waitFor({ state: 'visible', timeout: WAIT });
      expect(await p.locator('#alert').getAttribute('data-kind')).toBe('refused');
      expect(await p.locator('#alert-text').textContent()).toMatch(/refused this query as too large.*limit is 500/);
      await shot(p, '07-refused.png');
      await strict.close();
      await p.locator('#search').fill('erdogan');
      await p.waitForFunction(() => document.getElementById('alert')?.dataset.kind === 'unreachable', null, {
        timeout: WAIT,
      });
      expect(await p.locator('#alert-text').textContent()).toContain('The server cannot be reached');
      await shot(p, '08-unreachable.png');
    } finally {
      await p.close();
      await strict.close().catch(() => undefined);
    }
  });

  it('keeps the controls reachable by keyboard, with a visible focus', async () => {
    await open(page, '?focus=turkey');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the details');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    // Select a node without the mouse: the list of nodes in view, then Enter.
    await page
      .locator('#node-list')
      .evaluate((el) => (el.parentElement as HTMLDetailsElement).setAttribute('open', ''));
    await page.locator('#node-list button[data-node="nato"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.explorer.state().selection?.key === 'nato', null, { timeout: WAIT });
    await settled(page);
    expect(await page.locator('#details h2').textContent()).toBe('NATO');
    // The panel's facts came from the API, not only the title drawn before they load.
    await page.locator('#details dl.facts').waitFor({ timeout: WAIT });
    expect(await page.locator('#details dl.facts').textContent()).toContain('Alliance');
    expect(await page.locator('#alert').isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('draws at the size of its container: what it shows (and a click picks) does not move at the next redraw', async () => {
    await open(page, '?focus=erdogan');
    const drawn = () =>
      page.evaluate(() => {
        const sigma = window.explorer.sigma() as unknown as { getDimensions(): { width: number; height: number } };
        const graph = document.querySelector('#graph') as HTMLElement;
        return {
          size: sigma.getDimensions(),
          container: { width: graph.offsetWidth, height: graph.offsetHeight },
          at: Object.fromEntries(window.explorer.visibleNodes().map((k) => [k, window.explorer.nodeViewport(k)])),
        };
      });
    const before = await drawn();
    expect(before.size).toEqual(before.container);
    // Any redraw (a click's, a hover's) would draw it again at the container's size.
    await page.evaluate(() => (window.explorer.sigma() as unknown as { refresh(): void }).refresh());
    const after = await drawn();
    for (const [key, p] of Object.entries(before.at)) {
      const q = after.at[key];
      expect(Math.hypot((p?.x ?? 0) - (q?.x ?? 0), (p?.y ?? 0) - (q?.y ?? 0)), key).toBeLessThan(0.5);
    }
    expect(pageErrors).toEqual([]);
  });

  it('compares two actors: Goldstein sums as bars, the linking events by date, shared disputes', async () => {
    const asked: string[] = [];
    const count = (r: { postData(): string | null }) => {
      if (r.postData()?.includes('ExplorerDyad')) asked.push(r.postData() ?? '');
    };
    page.on('request', count);
    await open(page, '?focus=erdogan&dyad=russia,turkey');
    const result = page.locator('#dyad-result');
    // A shared link's comparison is shown, not folded away in its closed tool.
    await result.locator('h2').waitFor({ timeout: WAIT });
    expect(await page.locator('#dyad-tool').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await result.locator('h2').textContent()).toBe('Russia and Turkey');
    expect(await result.locator('svg[role=img]').getAttribute('aria-label')).toMatch(
      /^Cooperation [\d.]+, conflict -?[\d.]+/,
    );
    const heading = (await result.locator('h3').first().textContent()) ?? '';
    const rows = await result.locator('table.events tbody tr').count();
    expect(rows).toBeGreaterThan(2);
    // Every linking event of the article's two is listed (the panel lists at most DYAD_EVENTS_SHOWN).
    expect(heading).toBe(`Events (${rows}), by date`);
    const shared = await result.locator('ul > li').count();
    expect(shared).toBeGreaterThan(0);
    expect(await result.locator('h3').nth(1).textContent()).toBe(`Shared disputes (${shared}), by name`);
    // Selecting a node redraws the view; the comparison is not asked for again.
    await page.locator('#node-list button[data-node="turkey"]').evaluate((b) => (b as HTMLButtonElement).click());
    await page.waitForFunction(() => window.explorer.state().selection?.key === 'turkey', null, { timeout: WAIT });
    await settled(page);
    page.off('request', count);
    expect(asked.length).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('expands a node on a slow double click (sigma would count two clicks, the browser counts a double click)', async () => {
    await open(page, '?focus=erdogan');
    expect(await page.evaluate(() => window.explorer.state().expanded)).toEqual([]);
    const turkey = await at(page, { node: 'turkey' });
    await page.mouse.click(turkey.x, turkey.y);
    await page.waitForFunction(() => window.explorer.state().selection?.key === 'turkey', null, { timeout: WAIT });
    // The hand is slow: the second click comes after sigma's 300 ms double-click timer, within the
    // system's double-click time (the browser counts it as the second click: detail 2).
    await page.waitForTimeout(600);
    await page.mouse.down({ clickCount: 2 });
    await page.mouse.up({ clickCount: 2 });
    await page.waitForFunction(() => window.explorer.state().expanded.includes('turkey'), null, { timeout: WAIT });
    await settled(page);
    expect(await page.evaluate(() => window.explorer.visibleNodes())).toContain('nato');
    expect(pageErrors).toEqual([]);
  });
});
