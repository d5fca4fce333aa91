// Nodes that no document holds any more (dropped from every annotation file).
MATCH (n)
WHERE (n:Entity OR n:Event OR n:Dispute) AND size(coalesce(n.documentIds, [])) = 0
DETACH DELETE n
