// Every claim (a label scan): no filter narrows the count by an index.
MATCH (c:Claim)
