// Any node of the graph by its id, for many ids at once (one index look-up per label and id).
UNWIND $ids AS id
{{any-node id id n}}
RETURN id, {{node-map n}} AS node
