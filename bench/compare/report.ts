/**
 * Markdown tables (and an SVG chart) from the results of bench/compare.ts:
 *   npx tsx bench/compare/report.ts [--svg bench/results/compare-scale.svg] [result files …]
 * Default files: bench/results/compare-article*.json and compare-{10k,100k,1m}.json.
 * Ratios: one value per repetition, runs separated by " | ". Scale: median p50 of the repetitions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR } from '../lib.js';

interface Summary {
  p50: number;
  p95: number;
  throughput: number;
  cpuMsPerRequest: number;
  neo4jCpuMsPerRequest: number;
}
type Three = Record<'P' | 'N' | 'F', Summary>;
interface Result {
  size: string;
  counts: { nodes: number; relationships: number };
  load: Record<string, unknown>;
  loadReused: boolean;
  machine: { loadavg?: number[] };
  reps: { loadavg: number[]; results: Record<string, Three> }[];
  ratios: { op: string; title: string; p50PN: number[]; p50PF: number[]; throughputPN: number[] }[];
  checks: { op: string; same: boolean; nFailed?: string }[];
}

const { values, positionals } = parseArgs({ options: { svg: { type: 'string' } }, allowPositionals: true });
const dir = path.join(BENCH_DIR, 'results');
const files =
  positionals.length > 0
    ? positionals
    : ['compare-article.json', 'compare-article-2.json', 'compare-10k.json', 'compare-100k.json', 'compare-1m.json']
        .map((f) => path.join(dir, f))
        .filter((f) => existsSync(f));
const results = files.map((f) => ({ file: path.basename(f), r: JSON.parse(readFileSync(f, 'utf8')) as Result }));

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const ms = (x: number) => (!Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
/** The deep page's title names its offset, which differs by size. */
const title = (t: string) => t.replace(/after offset \d+/, 'at 90% of the list');

for (const size of [...new Set(results.map((x) => x.r.size))]) {
  const runs = results.filter((x) => x.r.size === size);
  const first = runs[0]?.r;
  if (!first) continue;
  console.log(
    `\n### Ratios at ${size} (${first.counts.relationships.toLocaleString('en')} relationships; ${runs.length} run(s): ${runs.map((x) => x.file).join(', ')})\n`,
  );
  console.log(row(['operation', 'p50 P/N', 'p50 P/F', 'throughput P/N', 'throughput P/F']));
  console.log(row(['---', '---', '---', '---', '---']));
  for (const ratio of first.ratios) {
    const per = (k: 'p50PN' | 'p50PF' | 'throughputPN') =>
      runs
        .map((x) =>
          k !== 'p50PF' && x.r.checks.find((c) => c.op === ratio.op)?.nFailed
            ? 'N fails'
            : (x.r.ratios.find((r) => r.op === ratio.op)?.[k] ?? []).map(f2).join(', '),
        )
        .join(' \\| ');
    const tpf = runs
      .map((x) =>
        x.r.reps
          .map((rep) => {
            const t = rep.results[ratio.op];
            return t ? f2(t.P.throughput / t.F.throughput) : '–';
          })
          .join(', '),
      )
      .join(' \\| ');
    console.log(row([title(ratio.title), per('p50PN'), per('p50PF'), per('throughputPN'), tpf]));
  }
  console.log(
    `\nCPU ms per request (server process / Neo4j; throughput rounds, first run, all repetitions), P · N · F:\n`,
  );
  console.log(row(['operation', 'P', 'N', 'F']));
  console.log(row(['---', '---', '---', '---']));
  for (const ratio of first.ratios) {
    const cells = (['P', 'N', 'F'] as const).map((s) => {
      const server = median(first.reps.map((rep) => rep.results[ratio.op]?.[s].cpuMsPerRequest ?? Number.NaN));
      const neo = median(first.reps.map((rep) => rep.results[ratio.op]?.[s].neo4jCpuMsPerRequest ?? Number.NaN));
      return `${ms(server)} / ${ms(neo)}`;
    });
    console.log(row([title(ratio.title), ...cells]));
  }
  console.log(
    `\nload average during the repetitions: ${runs.flatMap((x) => x.r.reps.map((r) => r.loadavg[0]?.toFixed(1))).join(', ')}`,
  );
}

// Scale: p50 by size (median over repetitions; the first run of a size).
const scaled = ['10k', '100k', '1m']
  .map((size) => results.find((x) => x.r.size === size))
  .filter((x): x is (typeof results)[number] => x !== undefined);
if (scaled.length > 0) {
  const sizes = scaled.map((x) => x.r.size);
  const p50 = (r: Result, op: string, s: 'P' | 'N' | 'F') =>
    median(r.reps.map((rep) => rep.results[op]?.[s].p50 ?? Number.NaN));
  const last = scaled.at(-1)?.r as Result;
  console.log(
    `\n### Scale: p50 ms at ${sizes.join(' / ')} (${scaled.map((x) => x.r.counts.relationships.toLocaleString('en')).join(' / ')} relationships)\n`,
  );
  console.log(row(['operation', 'this server (P)', 'hand-written Cypher (F)', `@neo4j/graphql (N) at ${last.size}`]));
  console.log(row(['---', '---', '---', '---']));
  for (const ratio of scaled[0]?.r.ratios ?? []) {
    const line = (s: 'P' | 'F') => scaled.map((x) => ms(p50(x.r, ratio.op, s))).join(' / ');
    const nFailed = last.checks.find((c) => c.op === ratio.op)?.nFailed;
    const n = nFailed
      ? `fails (${/transaction memory|memory\.transaction/.test(nFailed) ? 'transaction memory' : 'error'})`
      : ms(p50(last, ratio.op, 'N'));
    console.log(row([title(ratio.title), line('P'), line('F'), n]));
  }
  if (values.svg) writeFileSync(values.svg, chart(scaled.map((x) => x.r)));
}

// Loader throughput.
console.log('\n### Loader (validation + writer, one transaction per document)\n');
console.log(
  row([
    'corpus',
    'documents',
    'relationships',
    'total s',
    'rel/s overall',
    'rel/s writing',
    'per document p10 / p50 / p90',
    'first / last tenth',
  ]),
);
console.log(row(['---', '---', '---', '---', '---', '---', '---', '---']));
const seen = new Set<string>();
for (const { r } of results) {
  if (seen.has(r.size)) continue;
  seen.add(r.size);
  const l = r.load as Record<string, number | Record<string, number>>;
  if ('article' in l) {
    console.log(
      row([
        'article',
        l.documents as number,
        l.relationships as number,
        ((l.totalMs as number) / 1000).toFixed(1),
        l.perSecond as number,
        '',
        '',
        '',
      ]),
    );
    continue;
  }
  const pd = l.perDocument as Record<string, number>;
  console.log(
    row([
      r.size,
      l.documents as number,
      (l.relationships as number).toLocaleString('en'),
      ((l.totalMs as number) / 1000).toFixed(0),
      (l.overallPerSecond as number).toLocaleString('en'),
      (l.writePerSecond as number).toLocaleString('en'),
      `${pd.p10} / ${pd.p50} / ${pd.p90}`,
      `${l.firstTenthPerSecond} / ${l.lastTenthPerSecond}`,
    ]),
  );
}

/** Small multiples: p50 of P (solid) and F (dashed) against graph size, log–log, one panel per operation. */
function chart(rs: Result[]): string {
  const ops = rs[0]?.ratios ?? [];
  const cols = 5;
  const [w, h, pad] = [230, 170, 36];
  const rowsN = Math.ceil(ops.length / cols);
  const xs = rs.map((r) => Math.log10(r.counts.relationships));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * w}" height="${rowsN * h + 30}" font-family="sans-serif" font-size="10">`;
  svg += `<text x="8" y="16" font-size="12">p50 ms vs relationships (log–log): this server solid, hand-written Cypher dashed</text>`;
  for (const [i, op] of ops.entries()) {
    const ox = (i % cols) * w;
    const oy = 30 + Math.floor(i / cols) * h;
    const p = rs.map((r) => median(r.reps.map((rep) => rep.results[op.op]?.P.p50 ?? Number.NaN)));
    const f = rs.map((r) => median(r.reps.map((rep) => rep.results[op.op]?.F.p50 ?? Number.NaN)));
    const all = [...p, ...f].filter((v) => v > 0).map(Math.log10);
    const [y0, y1] = [Math.floor(Math.min(...all)), Math.ceil(Math.max(...all))];
    const px = (x: number) => ox + pad + ((x - x0) / (x1 - x0 || 1)) * (w - pad - 12);
    const py = (y: number) => oy + h - 28 - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (h - 50);
    svg += `<text x="${ox + pad}" y="${oy + 12}">${op.op}</text>`;
    svg += `<rect x="${ox + pad}" y="${oy + 18}" width="${w - pad - 12}" height="${h - 46}" fill="none" stroke="#ccc"/>`;
    for (let e = y0; e <= y1; e++) {
      svg += `<text x="${ox + 4}" y="${py(10 ** e) + 3}">${10 ** e}</text>`;
    }
    rs.forEach((r, k) => {
      svg += `<text x="${px(xs[k] as number) - 10}" y="${oy + h - 14}">${r.size}</text>`;
    });
    for (const [series, dash, color] of [
      [p, '', '#c0392b'],
      [f, '4 3', '#2c3e50'],
    ] as const) {
      const pts = series.map((v, k) => `${px(xs[k] as number).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
      svg += `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="${dash}"/>`;
    }
  }
  return `${svg}</svg>\n`;
}
