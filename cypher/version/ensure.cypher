// The graph's version node, created once (with the schema) so that reads find it.
MERGE (v:GraphVersion {id: $id})
  ON CREATE SET v.epoch = randomUUID(), v.n = 0
RETURN v.epoch AS epoch, v.n AS n
