/**
 * Builds the explorer's page (web/) from npm packages with esbuild into web/dist (git-ignored), when it
 * is missing or stale: `npm start` calls it, so the two README commands still do everything. Stale means
 * the sources changed: a hash of web/src, web/static, src/export and package-lock.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(ROOT, 'web');
export const DIST_DIR = path.join(WEB_DIR, 'dist');
const INPUTS = [
  path.join(WEB_DIR, 'src'),
  path.join(WEB_DIR, 'static'),
  path.join(ROOT, 'src/export'),
  path.join(ROOT, 'package-lock.json'),
];

export interface Manifest {
  inputHash: string;
  builtAt: string;
  /** File name → bytes, of everything served under /explore/. */
  files: Record<string, number>;
}

function filesUnder(p: string): string[] {
  if (!existsSync(p)) return [];
  if (statSync(p).isFile()) return [p];
  return readdirSync(p, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => filesUnder(path.join(p, d.name)));
}

export function inputHash(): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(filesUnder)) {
    h.update(path.relative(ROOT, f));
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

export function readManifest(dir = DIST_DIR): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Builds unless web/dist is up to date. Returns whether it built and how long it took. */
export async function ensureExplorerBundle(): Promise<{ built: boolean; ms: number; manifest: Manifest }> {
  const started = performance.now();
  const hash = inputHash();
  const current = readManifest();
  if (current?.inputHash === hash) return { built: false, ms: 0, manifest: current };

  const tmp = `${DIST_DIR}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    await build({
      entryPoints: {
        app: path.join(WEB_DIR, 'src/main.ts'),
        'layout.worker': path.join(WEB_DIR, 'src/layout.worker.ts'),
      },
      outdir: tmp,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      sourcemap: 'linked',
      legalComments: 'linked',
      logLevel: 'silent',
    });
    for (const f of readdirSync(path.join(WEB_DIR, 'static'))) {
      writeFileSync(path.join(tmp, f), readFileSync(path.join(WEB_DIR, 'static', f)));
    }
    const files = Object.fromEntries(readdirSync(tmp).map((f) => [f, statSync(path.join(tmp, f)).size]));
    const manifest: Manifest = { inputHash: hash, builtAt: new Date().toISOString(), files };
    writeFileSync(path.join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(DIST_DIR, { recursive: true, force: true });
    renameSync(tmp, DIST_DIR);
    return { built: true, ms: Math.round(performance.now() - started), manifest };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
