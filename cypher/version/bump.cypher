// The graph's version, one step on: run by every write transaction just before it commits (src/db/driver.ts),
// so a response cached under the version before it is never served again. The first write after the
// node was removed creates it with a new epoch, so a counter that starts again is never mistaken for the old one.
MERGE (v:GraphVersion {id: $id})
  ON CREATE SET v.epoch = randomUUID(), v.n = 0
SET v.n = v.n + 1
