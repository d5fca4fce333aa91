// Everything that links two actors (the fragments dyad-* say how; dyad-size.cypher counts the same).
{{dyad-sides}}
CALL (sideA, sideB) {
  {{dyad-events sideA sideB}}
  WITH e, aRoles, bRoles ORDER BY e.sortDate IS NULL, e.sortDate, e.id
  RETURN collect({event: {{event-map e}}, aRoles: aRoles, bRoles: bRoles}) AS events
}
CALL (sideA, sideB) {
  {{dyad-relations sideA sideB}}
  RETURN collect({{edge r}}) AS relations
}
CALL (sideA, sideB) {
  {{dyad-disputes sideA sideB}}
  RETURN collect({
    dispute: {{dispute-map d}},
    a: [r IN ras | {{edge r}}],
    b: [r IN rbs | {{edge r}}]
  }) AS disputes
}
RETURN [n IN sideA | {{entity-map n}}] AS sideA, [n IN sideB | {{entity-map n}}] AS sideB,
       events, relations, disputes
