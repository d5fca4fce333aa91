// Who asserts each claim, its evidence, what it is about and what contradicts it.
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN id,
       c {.*, labels: labels(c)} AS claim,
       [(c)-[:ASSERTED_BY]->(a) | a {.*, labels: labels(a)}][0] AS assertedBy,
       [(c)-[:SUPPORTED_BY]->(ev) | ev {.*, labels: labels(ev)}] AS evidence,
       [(c)-[:ABOUT]->(x) | x {.*, labels: labels(x)}][0] AS about,
       [(c)-[:SUBJECT]->(s) | s {.*, labels: labels(s)}][0] AS subject,
       [(c)-[:OBJECT]->(o) | o {.*, labels: labels(o)}][0] AS object,
       [(c)-[:CONTRADICTS]-(other:Claim) | other.id] AS contradicts
