// Entities of some kinds: the entity_kind index.
MATCH (n:Entity) WHERE n.kind IN $kinds
WITH n
