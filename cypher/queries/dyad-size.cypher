// How many events, relations and shared disputes link two actors: what dyad.cypher would return, counted
// (the cost estimate asks when the bound from the two sides' degrees is over the limit).
{{dyad-sides}}
CALL (sideA, sideB) {
  {{dyad-events sideA sideB}}
  RETURN count(e) AS events
}
CALL (sideA, sideB) {
  {{dyad-relations sideA sideB}}
  RETURN count(r) AS relations
}
CALL (sideA, sideB) {
  {{dyad-disputes sideA sideB}}
  RETURN count(d) AS disputes
}
RETURN events, relations, disputes
