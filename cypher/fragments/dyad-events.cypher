// The events that link a dyad's sides (%1, %2): a side acts (source or target) and the other acts or is
// concerned; rows `e, aRoles, bRoles`. Such an event touches both sides, so it is found from the side
// with fewer event relationships (a hub's other events are not read).
WITH %1, %2,
     reduce(n = 0, x IN %1 | n + COUNT { (x)<-[:HAS_SOURCE|HAS_TARGET|CONCERNS]-() }) AS degreeA,
     reduce(n = 0, x IN %2 | n + COUNT { (x)<-[:HAS_SOURCE|HAS_TARGET|CONCERNS]-() }) AS degreeB
UNWIND CASE WHEN degreeA <= degreeB THEN %1 ELSE %2 END AS n
MATCH (e:Event)-[:HAS_SOURCE|HAS_TARGET|CONCERNS]->(n)
WITH DISTINCT e, %1, %2
WITH e,
     [(e)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(x) WHERE x IN %1 | type(r)] AS aRoles,
     [(e)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(x) WHERE x IN %2 | type(r)] AS bRoles
WHERE size(aRoles) > 0 AND size(bRoles) > 0 AND any(t IN aRoles + bRoles WHERE t <> 'CONCERNS')
