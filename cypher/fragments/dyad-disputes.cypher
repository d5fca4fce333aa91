// The disputes both sides of a dyad (%1, %2) are party to: rows `d, ras, rbs` (each side's PARTY_TO).
UNWIND %1 AS x
MATCH (x)-[ra:PARTY_TO]->(d:Dispute)<-[rb:PARTY_TO]-(y)
WHERE y IN %2
WITH d, collect(DISTINCT ra) AS ras, collect(DISTINCT rb) AS rbs
