// One shortest path of at most __MAXHOPS__ hops (an integer from 1 to 6, checked in code) over the types
// __TYPES__ (allow-listed in code): written into the pattern, so that the search expands only those.
{{graph-node - $from a}}
{{graph-node - $to b}}
MATCH p = shortestPath((a)-[:__TYPES__*..__MAXHOPS__]-(b))
RETURN [n IN nodes(p) | {{node-map n}}] AS nodes,
       [r IN relationships(p) | {{edge r}}] AS edges
