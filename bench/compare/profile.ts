/**
 * Where a `node --cpu-prof` profile spends its time: self time per function, grouped by package
 * (node_modules/<package>, the project's src/, Node's internals, V8 builtins, GC), printed as tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { printTable, ROOT } from '../lib.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function groupOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(V8 builtins)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node (internals)';
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith(path.join(ROOT, 'src'))) return 'project src/';
  return file.startsWith(ROOT) ? 'project (other)' : url;
}

/** Summarizes the profile in `dir`, leaving out the first `skipMs` (start-up, warm-up). */
export function summarizeProfile(dir: string, skipMs = 0) {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  for (const [i, id] of profile.samples.entries()) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at / 1000 >= skipMs) self.set(id, (self.get(id) ?? 0) + delta / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const groups = new Map<string, number>();
  const functions = new Map<string, { ms: number; group: string }>();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    const group = groupOf(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    const f = functions.get(key) ?? { ms: 0, group };
    f.ms += ms;
    functions.set(key, f);
  }
  const idle = (groups.get('(idle)') ?? 0) + (groups.get('(program)') ?? 0);
  const busy = total - idle;
  const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1)}%`;
  const topGroups = [...groups.entries()]
    .filter(([g]) => g !== '(idle)' && g !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([group, ms]) => ({ group, ms: Math.round(ms), share: pct(ms) }));
  const topFunctions = [...functions.entries()]
    .filter(([, f]) => f.group !== '(idle)' && f.group !== '(program)')
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 20)
    .map(([fn, f]) => ({ function: fn, group: f.group, ms: Math.round(f.ms), share: pct(f.ms) }));
  console.log(
    `\nprofile ${file} after its first ${(skipMs / 1000).toFixed(1)} s: ${Math.round(total)} ms sampled, ${Math.round(busy)} ms busy (idle and "(program)" left out)`,
  );
  printTable(
    ['self time by package', 'ms', 'share of busy'],
    topGroups.map((g) => [g.group, g.ms, g.share]),
  );
  console.log('');
  printTable(
    ['function', 'package', 'ms', 'share of busy'],
    topFunctions.map((f) => [f.function, f.group, f.ms, f.share]),
  );
  return { file, totalMs: Math.round(total), busyMs: Math.round(busy), topGroups, topFunctions };
}
