UNWIND $rows AS row
MATCH (a:Claim {id: row.from}), (b:Claim {id: row.to})
MERGE (a)-[:CONTRADICTS]->(b)
