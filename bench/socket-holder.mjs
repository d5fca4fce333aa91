// A child of bench/connections.ts: opens COUNT idle TCP connections to 127.0.0.1:PORT (a few hundred
// connects in flight at a time) and holds them for SECONDS, opening a new one whenever the server
// closes one (REOPEN=1), as a client would that wants to keep them. Sends nothing on them. Prints
// one JSON line of counters per second and a last one when done; exits when its parent dies.
// Run as its own process so that the benchmark's open-file limit covers only its own sockets.
import net from 'node:net';

const [port, count, seconds, reopen] = process.argv.slice(2).map(Number);
const until = Date.now() + seconds * 1000;
const parent = process.ppid;
const c = { open: 0, peakOpen: 0, connects: 0, closedByServer: 0, connectErrors: 0, errorCodes: {} };
let pending = 0;
let wanted = count;

function openOne() {
  pending++;
  const s = net.connect({ port, host: '127.0.0.1' });
  let connected = false;
  s.on('connect', () => {
    connected = true;
    pending--;
    c.connects++;
    c.open++;
    c.peakOpen = Math.max(c.peakOpen, c.open);
    pump();
  });
  s.on('error', (err) => {
    c.errorCodes[err.code ?? err.message] = (c.errorCodes[err.code ?? err.message] ?? 0) + 1;
  });
  s.on('close', () => {
    if (connected) {
      c.open--;
      c.closedByServer++;
    } else {
      pending--;
      c.connectErrors++;
    }
    if (reopen && Date.now() < until) {
      wanted++;
      setTimeout(pump, 100);
    } else pump();
  });
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
}

const sockets = new Set();
function pump() {
  while (wanted > 0 && pending < 200 && Date.now() < until) {
    wanted--;
    openOne();
  }
}

pump();
const report = setInterval(() => {
  process.stdout.write(`${JSON.stringify({ ...c, pending })}\n`);
  if (process.ppid !== parent) process.exit(1);
  if (Date.now() >= until) {
    clearInterval(report);
    for (const s of sockets) s.destroy();
    process.stdout.write(`${JSON.stringify({ ...c, pending, done: true })}\n`);
    process.exit(0);
  }
}, 1000);
