import type { Socket } from 'node:net';
import { channel } from 'neo4j-driver-bolt-connection';

interface NodeChannelInternals {
  _conn: Socket | null;
  _pending: unknown[] | null;
  write(buffer: unknown): void;
}

let installed = false;

/**
 * neo4j-driver's chunker hands a message to the socket in pieces of 1,400 bytes, each its own
 * write and, with Nagle off, its own TCP segment: a 6 KB query was five or six writes, each a
 * system call on both sides. Corking the socket for the rest of the tick sends what the driver
 * writes in one go (one writev), as Node's documentation suggests for several small writes.
 * Idempotent; applies to every driver of this process (the channel class is shared).
 */
export function coalesceBoltWrites(): void {
  if (installed) return;
  // The package's type declarations leave its channel module out.
  const proto = (channel as unknown as { Channel: { prototype: NodeChannelInternals } }).Channel.prototype;
  const write = proto.write;
  if (typeof write !== 'function') throw new Error('neo4j-driver-bolt-connection: its channel has no write()');
  proto.write = function coalescedWrite(this: NodeChannelInternals, buffer: unknown) {
    const socket = this._conn;
    // Before the connection is up the channel queues writes itself; then nothing to cork.
    if (this._pending === null && socket && !socket.writableCorked && !socket.destroyed) {
      socket.cork();
      process.nextTick(uncork, socket);
    }
    write.call(this, buffer);
  };
  installed = true;
}

// end() uncorks on its own; uncorking an uncorked socket does nothing.
const uncork = (socket: Socket) => socket.uncork();
