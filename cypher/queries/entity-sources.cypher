// What each document says of these entities ("<documentId>|<field>|<value>"), for Entity.sources.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, coalesce(n.sourceValues, []) AS sourceValues
