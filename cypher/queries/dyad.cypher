// Everything that links two actors (the fragments dyad-* say how; dyad-size.cypher counts the same).
// $parts says which lists the operation reads (events, relations, disputes); the others stay empty.
{{dyad-sides}}
CALL (sideA, sideB) {
  WITH sideA, sideB WHERE $parts.events
  {{dyad-events sideA sideB}}
  WITH e, aRoles, bRoles ORDER BY e.sortDate IS NULL, e.sortDate, e.id
  RETURN collect({event: {{event-map e}}, aRoles: aRoles, bRoles: bRoles}) AS events
}
CALL (sideA, sideB) {
  WITH sideA, sideB WHERE $parts.relations
  {{dyad-relations sideA sideB}}
  RETURN collect({{edge r}}) AS relations
}
CALL (sideA, sideB) {
  WITH sideA, sideB WHERE $parts.disputes
  {{dyad-disputes sideA sideB}}
  RETURN collect({
    dispute: {{dispute-map d}},
    a: [r IN ras | {{edge r}}],
    b: [r IN rbs | {{edge r}}]
  }) AS disputes
}
// In parts of at most $dyadChunk of each list, one row each (sides in the first; repositories/rows.ts
// ROW_PARTS says why): two hubs share thousands
// of events.
WITH *, CASE WHEN size(events) >= size(relations) AND size(events) >= size(disputes) THEN size(events)
            WHEN size(relations) >= size(disputes) THEN size(relations) ELSE size(disputes) END AS longest
UNWIND range(0, (longest - 1) / $dyadChunk) AS part
RETURN part,
       CASE WHEN part = 0 THEN [n IN sideA | {{entity-map n}}] ELSE [] END AS sideA,
       CASE WHEN part = 0 THEN [n IN sideB | {{entity-map n}}] ELSE [] END AS sideB,
       events[part * $dyadChunk..(part + 1) * $dyadChunk] AS events,
       relations[part * $dyadChunk..(part + 1) * $dyadChunk] AS relations,
       disputes[part * $dyadChunk..(part + 1) * $dyadChunk] AS disputes
