// Node counts per label and relationship counts per type, read from the count store (no scan).
CALL db.labels() YIELD label
CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS c }
WITH collect({ name: label, count: c }) AS labels
CALL db.relationshipTypes() YIELD relationshipType
CALL (relationshipType) { MATCH ()-[r]->() WHERE type(r) = relationshipType RETURN count(r) AS c }
RETURN labels, collect({ name: relationshipType, count: c }) AS relationshipTypes
