/**
 * The graph's version as a request sees it: `epoch:n` of the one `(:GraphVersion)` node, which every
 * write transaction steps on before it commits (src/db/driver.ts); null when there is none.
 *
 * A request may only use a read that STARTED after it arrived: then every write committed before the
 * request, by this server or any other on the same Neo4j, is in the version it gets. Requests that
 * arrive together share one read: while a read is under way, newcomers wait for the next one, which
 * starts when that one ends and serves all of them. So at most two reads are in flight, whatever the
 * load, and a request waits for at most two of them.
 */
export class GraphVersionReader {
  private running: Promise<string | null> | undefined;
  private next: Promise<string | null> | undefined;

  constructor(private readonly read: () => Promise<string | null>) {}

  current(): Promise<string | null> {
    if (this.next) return this.next;
    const running = this.running;
    if (!running) return this.start();
    // The read under way may have started before this request arrived: take the one after it.
    const next = running
      .catch(() => null)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    this.next = next;
    return next;
  }

  private start(): Promise<string | null> {
    const read = this.read().finally(() => {
      if (this.running === read) this.running = undefined;
    });
    this.running = read;
    return read;
  }
}
