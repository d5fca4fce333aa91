// Preloaded into the server child by the benchmarks (`node --import <this> --import tsx src/server.ts`):
// when the benchmark process dies without cleaning up (SIGKILL, crash), the server child notices that
// its parent is gone and shuts itself down (SIGTERM = the server's own clean shutdown), so no Node
// process is left behind. Does nothing else; the timer does not keep the process alive.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid !== parent) {
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.exit(1), 15_000).unref();
  }
}, 500);
timer.unref();
