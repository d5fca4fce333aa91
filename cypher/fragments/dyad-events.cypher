// The events that link a dyad's sides (%1, %2): a side acts (source or target) and the other acts or is
// concerned; rows `e, aRoles, bRoles`. Such an event touches both sides, so it is found from the side
// with fewer event relationships (a hub's other events are not read); the roles toward that side come
// with the match, and only each event's relationships to the other side are looked at again.
WITH %1, %2,
     reduce(n = 0, x IN %1 | n + COUNT { (x)<-[:HAS_SOURCE|HAS_TARGET|CONCERNS]-() }) <=
     reduce(n = 0, x IN %2 | n + COUNT { (x)<-[:HAS_SOURCE|HAS_TARGET|CONCERNS]-() }) AS fromA
UNWIND CASE WHEN fromA THEN %1 ELSE %2 END AS n
MATCH (e:Event)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(n)
WITH e, fromA, %1, %2, collect(type(r)) AS near
WITH e, fromA, near,
     [(e)-[r:HAS_SOURCE|HAS_TARGET|CONCERNS]->(x) WHERE x IN CASE WHEN fromA THEN %2 ELSE %1 END | type(r)] AS far
WITH e, CASE WHEN fromA THEN near ELSE far END AS aRoles, CASE WHEN fromA THEN far ELSE near END AS bRoles
WHERE size(aRoles) > 0 AND size(bRoles) > 0 AND any(t IN aRoles + bRoles WHERE t <> 'CONCERNS')
