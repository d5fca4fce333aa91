// Everything that links two actors (the fragments dyad-* say how; dyad-size.cypher counts the same).
// $parts says which lists the operation reads (events, relations, disputes); the others stay empty.
{{dyad-sides}}
// Every linking event is read (the counts and sums are of all of them), but only the first $first.events,
// $first.cooperation and $first.conflict of each list are sent (null: all; 0: a list not selected).
CALL (sideA, sideB) {
  WITH sideA, sideB WHERE $parts.events
  {{dyad-events sideA sideB}}
  WITH e, aRoles, bRoles ORDER BY e.sortDate IS NULL, e.sortDate, e.id
  WITH collect({e: e, aRoles: aRoles, bRoles: bRoles}) AS linked
  WITH linked,
       [x IN linked WHERE x.e.goldstein > 0] AS cooperating,
       [x IN linked WHERE x.e.goldstein < 0] AS conflicting,
       [x IN linked WHERE $counted IS NULL OR x.e.status IN $counted] AS counted
  RETURN [x IN linked[..coalesce($first.events, size(linked))] | {{dyad-event x}}] AS events,
         [x IN cooperating[..coalesce($first.cooperation, size(cooperating))] | {{dyad-event x}}] AS cooperation,
         [x IN conflicting[..coalesce($first.conflict, size(conflicting))] | {{dyad-event x}}] AS conflict,
         {events: size(linked), cooperation: size(cooperating), conflict: size(conflicting),
          goldsteinSum: reduce(s = 0.0, x IN counted | s + x.e.goldstein),
          cooperationSum: reduce(s = 0.0, x IN counted | s + CASE WHEN x.e.goldstein > 0 THEN x.e.goldstein ELSE 0.0 END),
          conflictSum: reduce(s = 0.0, x IN counted | s + CASE WHEN x.e.goldstein < 0 THEN x.e.goldstein ELSE 0.0 END),
          countedStatuses: COLLECT { UNWIND counted AS x WITH DISTINCT x.e.status AS status ORDER BY status RETURN status }
         } AS summary
}
CALL (sideA, sideB) {
  WITH sideA, sideB WHERE $parts.relations
  {{dyad-relations sideA sideB}}
  RETURN collect({{edge r}}) AS relations
}
// The shared disputes by name, the first $first.disputes of them sent (null: all), all counted.
CALL (sideA, sideB) {
  WITH sideA, sideB WHERE $parts.disputes
  {{dyad-disputes sideA sideB}}
  WITH d, ras, rbs ORDER BY d.sortName, d.id
  WITH collect({d: d, ras: ras, rbs: rbs}) AS shared
  RETURN [x IN shared[..coalesce($first.disputes, size(shared))] | {
    dispute: {{dispute-map x.d}},
    a: [r IN x.ras | {{edge r}}],
    b: [r IN x.rbs | {{edge r}}]
  }] AS disputes, size(shared) AS disputeCount
}
// In parts of at most $dyadChunk of each list, one row each (sides in the first; repositories/rows.ts
// ROW_PARTS says why): two hubs share thousands
// of events.
WITH *, reduce(m = 0, n IN [size(events), size(cooperation), size(conflict), size(relations), size(disputes)] |
            CASE WHEN n > m THEN n ELSE m END) AS longest
UNWIND range(0, (longest - 1) / $dyadChunk) AS part
RETURN part,
       CASE WHEN part = 0 THEN [n IN sideA | {{entity-map n}}] ELSE [] END AS sideA,
       CASE WHEN part = 0 THEN [n IN sideB | {{entity-map n}}] ELSE [] END AS sideB,
       CASE WHEN part = 0 THEN summary {.*, disputes: disputeCount} END AS summary,
       events[part * $dyadChunk..(part + 1) * $dyadChunk] AS events,
       cooperation[part * $dyadChunk..(part + 1) * $dyadChunk] AS cooperation,
       conflict[part * $dyadChunk..(part + 1) * $dyadChunk] AS conflict,
       relations[part * $dyadChunk..(part + 1) * $dyadChunk] AS relations,
       disputes[part * $dyadChunk..(part + 1) * $dyadChunk] AS disputes
