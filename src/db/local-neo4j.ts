import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.js';

/**
 * The local Neo4j Community started when NEO4J_URI is not set: Neo4j's own jars resolved by Maven
 * (tools/neo4j/pom.xml), run by tools/neo4j/Launcher.java with Bolt on 127.0.0.1.
 * One store is opened by one Java process; other processes (the ingest CLI beside `npm start`)
 * find it through `run.json` in the data folder and connect to it instead of opening the store.
 * Its password is random, kept in `password` in the data folder (readable by its owner only), and
 * reaches Java on stdin, never on a command line.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const toolDir = path.join(root, 'tools/neo4j');
const targetDir = path.join(toolDir, 'target');
const classpathFile = path.join(targetDir, 'classpath.txt');
const classesDir = path.join(targetDir, 'classes');

/** A missing program or a failed step, told in one line. */
export class LocalNeo4jError extends Error {}

export interface LocalNeo4jOptions {
  dir: string;
  port: number;
  heap: string;
  /** NEO4J_PASSWORD; unset: the one kept in the data folder, made on the first start. */
  password?: string;
  logger?: Logger;
  /** Give up waiting for Bolt after this long. */
  startTimeoutMs?: number;
  /** Aborting stops a start that is under way (the Java process is stopped, the promise rejects). */
  signal?: AbortSignal;
}

/** How a Java process ended that nobody asked to stop. */
export interface LocalNeo4jExit {
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines Java wrote on stderr. */
  stderr: string[];
}

export interface LocalNeo4j {
  uri: string;
  /** False when another process owns the running Neo4j and this one only connects to it. */
  owned: boolean;
  pid: number;
  port: number;
  password: string;
  /** Settles when the Java process this one owns ends without stop(); never for a joined one. */
  died: Promise<LocalNeo4jExit>;
  stop(): Promise<void>;
}

function hasCommand(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

function newerThan(file: string, ...sources: string[]): boolean {
  if (!existsSync(file)) return false;
  const t = statSync(file).mtimeMs;
  return sources.every((s) => statSync(s).mtimeMs <= t);
}

/** Resolves the jars through Maven and compiles the launcher, once; later calls are no-ops. */
export function installLocalNeo4j(logger?: Logger): { classpath: string } {
  const pom = path.join(toolDir, 'pom.xml');
  const launcher = path.join(toolDir, 'Launcher.java');
  const ready = newerThan(classpathFile, pom) && newerThan(path.join(classesDir, 'Launcher.class'), launcher);
  if (!hasCommand('java', ['-version'])) {
    throw new LocalNeo4jError(
      'Java 17+ is needed to run the local Neo4j: install a JDK 17 (e.g. apt-get install openjdk-17-jdk), or set NEO4J_URI to a running Neo4j, or use `docker compose up`.',
    );
  }
  if (!ready) {
    if (!hasCommand('mvn', ['-v'])) {
      throw new LocalNeo4jError(
        'Maven is needed to fetch the Neo4j jars: install Maven (e.g. apt-get install maven), or set NEO4J_URI to a running Neo4j, or use `docker compose up`.',
      );
    }
    logger?.info('resolving the Neo4j jars through Maven (first run only)');
    mkdirSync(targetDir, { recursive: true });
    const mvn = spawnSync(
      'mvn',
      ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
      { encoding: 'utf8' },
    );
    if (mvn.status !== 0) {
      const tail = `${mvn.stdout}${mvn.stderr}`.trim().split('\n').slice(-3).join(' | ');
      throw new LocalNeo4jError(`Maven could not resolve the Neo4j jars: ${tail}`);
    }
    const javac = spawnSync('javac', ['-cp', readFileSync(classpathFile, 'utf8').trim(), '-d', classesDir, launcher], {
      encoding: 'utf8',
    });
    if (javac.status !== 0) {
      throw new LocalNeo4jError(`javac could not compile the Neo4j launcher: ${javac.stderr.trim().split('\n')[0]}`);
    }
  }
  return { classpath: `${classesDir}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}` };
}

export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Whether a process of this pid runs. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface RunInfo {
  pid: number;
  port: number;
}

function readRunInfo(file: string): RunInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RunInfo;
    return Number.isInteger(info.pid) && Number.isInteger(info.port) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** A free TCP port on 127.0.0.1, for throwaway instances. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const PASSWORD_FILE = 'password';

/** The password kept in the data folder, or undefined when there is none yet. */
export function readLocalPassword(dir: string): string | undefined {
  try {
    return readFileSync(path.join(dir, PASSWORD_FILE), 'utf8').trim() || undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * The password the local Neo4j of this folder starts with: `given` (NEO4J_PASSWORD) or the one kept
 * in the folder, else a new random one. It is written to `<dir>/password` (0600, folder 0700), so
 * that processes joining the running Neo4j find it and later starts reuse it.
 */
export function localPassword(dir: string, given?: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Folders made by earlier versions are 0755, and their store was readable by every local user.
  chmodSync(dir, 0o700);
  const file = path.join(dir, PASSWORD_FILE);
  const kept = readLocalPassword(dir);
  if (given !== undefined && given !== kept) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${given}\n`, { mode: 0o600 });
    renameSync(tmp, file);
    return given;
  }
  if (kept !== undefined) {
    chmodSync(file, 0o600);
    return kept;
  }
  const made = randomBytes(24).toString('base64url');
  try {
    writeFileSync(file, `${made}\n`, { mode: 0o600, flag: 'wx' });
    return made;
  } catch (err) {
    // Another process made it at the same moment: use that one.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readLocalPassword(dir) ?? made;
    throw err;
  }
}

/** Connects to the local Neo4j of this folder when one runs, or starts it. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const home = path.resolve(options.dir);
  const runFile = path.join(home, 'run.json');
  const running = readRunInfo(runFile);
  if (running && isAlive(running.pid) && (await canConnect(running.port))) {
    const password = options.password ?? readLocalPassword(home);
    if (password === undefined) {
      throw new LocalNeo4jError(
        `the local Neo4j running on port ${running.port} (pid ${running.pid}) left no password in ${path.join(home, PASSWORD_FILE)}: set NEO4J_PASSWORD to its password`,
      );
    }
    options.logger?.info({ pid: running.pid, port: running.port }, 'using the local Neo4j already running');
    return {
      uri: `bolt://127.0.0.1:${running.port}`,
      owned: false,
      pid: running.pid,
      port: running.port,
      password,
      died: new Promise(() => {}),
      stop: async () => {},
    };
  }
  if (await canConnect(options.port)) {
    throw new LocalNeo4jError(
      `Port ${options.port} on 127.0.0.1 is taken by another program: set NEO4J_LOCAL_PORT to a free port, or NEO4J_URI to that server.`,
    );
  }
  const { classpath } = installLocalNeo4j(options.logger);
  let password: string;
  try {
    password = localPassword(home, options.password);
  } catch (err) {
    throw new LocalNeo4jError(`cannot keep the password in ${home}: ${(err as Error).message}`);
  }
  options.signal?.throwIfAborted();
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-cp',
      classpath,
      'Launcher',
      home,
      String(options.port),
      '256',
      '--exit-on-stdin-eof',
    ],
    // Nor in Java's environment, which its owner can read in /proc.
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEO4J_PASSWORD: undefined } },
  );
  // The password is the first line on stdin; stdin then stays open: Java exits when it closes.
  child.stdin?.on('error', () => {});
  child.stdin?.write(`${password}\n`);
  const stderrTail: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail.push(...chunk.split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });

  let stopping: Promise<void> | undefined;
  let died: (exit: LocalNeo4jExit) => void = () => {};
  const diedPromise = new Promise<LocalNeo4jExit>((resolve) => {
    died = resolve;
  });
  const started = Date.now();
  const abort = () => {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
  };
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await new Promise<void>((resolve, reject) => {
      let up = false;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new LocalNeo4jError(`the local Neo4j did not start within ${(options.startTimeoutMs ?? 120_000) / 1000}s`),
        );
      }, options.startTimeoutMs ?? 120_000);
      let out = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        if (up) return;
        out += chunk;
        if (out.includes('NEO4J_READY')) {
          up = true;
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (up) {
          if (!stopping) died({ pid: child.pid ?? 0, code, signal, stderr: stderrTail.slice(-5) });
          return;
        }
        if (options.signal?.aborted) {
          reject(new LocalNeo4jError('the start of the local Neo4j was cancelled'));
          return;
        }
        const why = stderrTail.find((l) => /Exception|Error|lock/i.test(l)) ?? stderrTail.at(-1) ?? '';
        reject(
          new LocalNeo4jError(
            `the local Neo4j exited during start-up (${signal ? `signal ${signal}` : `code ${code}`}): ${why.trim()}`,
          ),
        );
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new LocalNeo4jError(`could not run java: ${err.message}`));
      });
    });
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  const pid = child.pid ?? 0;
  writeFileSync(runFile, JSON.stringify({ pid, port: options.port }));
  options.logger?.info({ pid, port: options.port, ms: Date.now() - started, dir: home }, 'local Neo4j started');

  const stop = () => {
    stopping ??= (async () => {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 60_000))) child.kill('SIGKILL');
      await waitForExit(child, 5_000);
      if (readRunInfo(runFile)?.pid === pid) rmSync(runFile, { force: true });
      options.logger?.info({ pid }, 'local Neo4j stopped');
    })();
    return stopping;
  };
  return {
    uri: `bolt://127.0.0.1:${options.port}`,
    owned: true,
    pid,
    port: options.port,
    password,
    died: diedPromise,
    stop,
  };
}
