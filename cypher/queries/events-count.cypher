{{actor-ids - $actorId $affiliates}}
MATCH (e:Event)
WHERE {{events-filter e}}
RETURN count(e) AS total
