// The two sides of a dyad: `sideA`, `sideB`, each the actor ($a, $b) and, with $affiliates, those who
// act for it (actor-side). No row when either actor does not exist.
MATCH (a:Entity {id: $a})
MATCH (b:Entity {id: $b})
{{actor-side a sideA}}
{{actor-side b sideB}}
