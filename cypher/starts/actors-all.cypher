// Every entity (a label scan): no filter narrows the list by an index.
MATCH (n:Entity)
