import { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/db.js';

/**
 * The writes the Bolt socket makes: each `_write` or `_writev` of a stream is one system call (a
 * corked socket hands what it collected to one `_writev`).
 */
function countSocketWrites(port: number) {
  const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (...a: unknown[]) => unknown>;
  const original = { _write: proto._write, _writev: proto._writev };
  const counted = { writes: 0 };
  for (const name of ['_write', '_writev'] as const) {
    const inner = original[name];
    proto[name] = function (this: Socket, ...args: unknown[]) {
      if (this.remotePort === port) counted.writes += 1;
      return inner.apply(this, args);
    };
  }
  return {
    counted,
    restore: () => Object.assign(proto, original),
  };
}

describe('queries go to Neo4j in one socket write (real Neo4j)', () => {
  const db = testDatabase();
  const port = Number(new URL(db.connection.uri).port || 7687);
  let spy: ReturnType<typeof countSocketWrites> | undefined;
  beforeAll(async () => {
    expect(await db.check()).toBe(true);
  });
  afterEach(() => spy?.restore());
  afterAll(() => db.close());

  it('sends a query of 8 KB (six of the driver chunks of 1,400 bytes) in one write', async () => {
    const text = `RETURN $n + 1 AS n // ${'x'.repeat(8_000)}`;
    await db.read('warm-up', text, { n: 0 });
    spy = countSocketWrites(port);
    const rows = await db.read<{ n: number }>('long-text', text, { n: 41 });
    expect(rows).toEqual([{ n: 42 }]);
    expect(spy.counted.writes).toBe(1);
  });

  it('keeps large parameters, large answers and many queries at once intact', async () => {
    const words = Array.from({ length: 3_000 }, (_, i) => `word-${i}-${'ü'.repeat(i % 7)}`);
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, k) =>
        db.read<{ k: number; words: string[] }>(
          'round-trip',
          `RETURN $k AS k, [w IN $words | w + $suffix] AS words // ${'y'.repeat(2_000 + k * 97)}`,
          { k, words, suffix: `-${k}` },
        ),
      ),
    );
    for (const [k, rows] of answers.entries()) {
      expect(rows[0]?.k).toBe(k);
      expect(rows[0]?.words).toEqual(words.map((w) => `${w}-${k}`));
    }
  });
});
