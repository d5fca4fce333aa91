/** What one entry costs beyond its text: the key (64 hex characters), the Map's slot, the record. */
const ENTRY_OVERHEAD = 400;

/** Bytes an entry is counted for: two per character (a V8 string's worst case) and the overhead. */
export const entryBytes = (json: string) => json.length * 2 + ENTRY_OVERHEAD;

/** `epoch:n` → comparable parts; a different epoch (the version node was made again) counts as newer. */
function newer(a: string, than: string | undefined): boolean {
  if (than === undefined) return true;
  const [ea, na] = a.split(':');
  const [eb, nb] = than.split(':');
  return ea !== eb || Number(na) > Number(nb);
}

/**
 * Serialized GraphQL answers for ONE graph version, least recently used first out, within `maxBytes`
 * (counted by entryBytes). An answer is looked up and stored with the version read before it was
 * computed: a newer version empties the cache; an answer computed under an older one is not stored,
 * and a look-up under an older one misses. So nothing computed before a write is served after it.
 */
export class ResponseCache {
  private version: string | undefined;
  private readonly entries = new Map<string, string>();
  private used = 0;
  hits = 0;
  misses = 0;

  /** One answer may take at most a quarter of the cache, so a big answer never flushes all others. */
  readonly maxEntryBytes: number;

  constructor(readonly maxBytes: number) {
    this.maxEntryBytes = Math.floor(maxBytes / 4);
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }

  /** Moves to `version` if it is newer than the one held (forgetting every entry). */
  private observe(version: string): boolean {
    if (version === this.version) return true;
    if (!newer(version, this.version)) return false;
    this.version = version;
    this.entries.clear();
    this.used = 0;
    return true;
  }

  get(version: string, key: string): string | undefined {
    const json = this.observe(version) ? this.entries.get(key) : undefined;
    if (json === undefined) {
      this.misses += 1;
      return undefined;
    }
    // Most recently used: last in the Map's order.
    this.entries.delete(key);
    this.entries.set(key, json);
    this.hits += 1;
    return json;
  }

  set(version: string, key: string, json: string): boolean {
    const size = entryBytes(json);
    if (size > this.maxEntryBytes || !this.observe(version)) return false;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.used -= entryBytes(old);
    }
    this.entries.set(key, json);
    this.used += size;
    for (const [k, v] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= entryBytes(v);
    }
    return true;
  }
}
