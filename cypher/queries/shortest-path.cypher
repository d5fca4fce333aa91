// One shortest path of at most __MAXHOPS__ hops (an integer from 1 to 6, checked in code) over the given types.
{{graph-node - $from a}}
{{graph-node - $to b}}
MATCH p = shortestPath((a)-[*..__MAXHOPS__]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
RETURN [n IN nodes(p) | {{node-map n}}] AS nodes,
       [r IN relationships(p) | {{edge r}}] AS edges
