// The graph's version: one seek on the unique graph_version_id index. No row: no version node yet.
MATCH (v:GraphVersion {id: $id})
RETURN v.epoch AS epoch, v.n AS n
