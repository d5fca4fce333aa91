{{actor-ids - $actorId $affiliates}}
__START__
WHERE {{events-filter e}}
RETURN count(e) AS total
