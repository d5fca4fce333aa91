import type { Database } from '../../src/db/driver.js';

/** A stand-in for the Database that only records the Cypher text and parameters it is given (unit tests of what a repository builds). */
export function recordingDatabase() {
  const calls: { name: string; text: string; params: Record<string, unknown> }[] = [];
  const db = {
    read: async (name: string, text: string, params: Record<string, unknown> = {}) => {
      calls.push({ name, text, params });
      return [];
    },
  } as unknown as Database;
  return { db, calls };
}
