// Full-text search (German analyzer) over names, aliases, labels and descriptions, and over evidence
// quotes, grouped by the fact each hit shows and ranked here (src/repositories/search.ts says the
// rules), so that only the facts answered leave Neo4j: one row each, in rank order.
// $limit index hits are read; $first facts at most are answered.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score, null AS claim
  UNION ALL
  CALL db.index.fulltext.queryNodes('evidence_quotes', $query, {limit: $limit}) YIELD node, score
  OPTIONAL MATCH (c:Claim)-[:SUPPORTED_BY]->(node)
  RETURN node, score, c AS claim
}
WITH node, score, claim ORDER BY score DESC, node.id LIMIT $limit
WITH collect({node: node, score: score, claim: claim}) AS rows
UNWIND range(0, size(rows) - 1) AS i
WITH i, rows[i].node AS node, rows[i].score AS score, rows[i].claim AS claim
// The fact a hit shows: the node itself, or for a quote what its claim is about — a party's stance
// (PARTY_TO) the dispute it takes part in, a relationship the edge it asserts, else the claim.
WITH i, node, score, claim,
     CASE WHEN claim IS NOT NULL THEN head(COLLECT { MATCH (claim)-[:ABOUT]->(x) RETURN x }) END AS about,
     CASE WHEN claim.relationType = 'PARTY_TO' THEN head(COLLECT { MATCH (claim)-[:OBJECT]->(o) RETURN o }) END AS party
WITH i, node, score, claim, about, party,
     CASE WHEN claim IS NOT NULL AND about IS NULL AND party IS NULL THEN head(COLLECT {
       MATCH (claim)-[:SUBJECT]->(s)-[r]->(o)<-[:OBJECT]-(claim) WHERE type(r) = claim.relationType RETURN r
     }) END AS edge
// Whole-word match: the hit's own text (a quote; an entity's name and aliases; a label or name)
// against $wholeWord (domain/text.ts wholeWordPattern; null when no word can match whole).
WITH i, score, coalesce(about, party, CASE WHEN edge IS NULL THEN coalesce(claim, node) END) AS factNode, edge AS factEdge,
     CASE WHEN node:Evidence THEN node END AS quote,
     CASE WHEN node:Evidence THEN node.quote
          WHEN node:Entity THEN node.name + ' ' + reduce(a = '', x IN coalesce(node.aliases, []) | a + ' ' + x)
          WHEN node:Event THEN node.label
          ELSE node.name END AS text
WITH i, score, factNode, factEdge, quote, $wholeWord IS NOT NULL AND {{folded-text text}} =~ $wholeWord AS exact
WITH i, factNode, factEdge, score, exact, quote, score * CASE WHEN exact THEN $exactWeight ELSE 1 END AS w
ORDER BY w DESC, i
WITH factNode, factEdge, min(i) AS first, collect({w: w, score: score, exact: exact, quote: quote}) AS hits
WITH factNode, factEdge, first, hits[0] AS best, size(hits) AS matches,
     any(h IN hits WHERE h.quote IS NULL) AS titled, [h IN hits WHERE h.quote IS NOT NULL | h.quote] AS quotes
ORDER BY best.exact DESC, titled DESC, best.w + $eachFurtherHit * (matches - 1) DESC, first
WITH collect({node: factNode, edge: factEdge, best: best, titled: titled, matches: matches, quotes: quotes}) AS ranked
// Each fact takes its best quote that no fact ranked above it shows; one found only through such quotes is left out.
WITH reduce(acc = {used: [], hits: []}, g IN ranked |
  CASE WHEN size(acc.hits) >= $first THEN acc ELSE
    CASE WHEN NOT g.titled AND all(q IN g.quotes WHERE q IN acc.used) THEN acc ELSE {
      used: acc.used + [q IN g.quotes WHERE NOT q IN acc.used][0..1],
      hits: acc.hits + [{node: g.node, edge: g.edge, score: g.best.score, exact: g.best.exact, matches: g.matches,
                         quote: head([q IN g.quotes WHERE NOT q IN acc.used])}]
    } END
  END).hits AS hits
UNWIND range(0, size(hits) - 1) AS rank
WITH rank, hits[rank].node AS fn, hits[rank].edge AS fe, hits[rank].quote AS ev, hits[rank] AS h
RETURN CASE WHEN fn IS NOT NULL THEN {{node-map fn}} END AS node, CASE WHEN fe IS NOT NULL THEN {{edge fe}} END AS edge,
       h.score AS score, h.exact AS exact, h.matches AS matches,
       CASE WHEN ev IS NOT NULL THEN {{evidence-map ev}} END AS evidence
ORDER BY rank
