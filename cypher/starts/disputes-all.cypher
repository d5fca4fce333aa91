// Every dispute (a label scan): no filter narrows the list by an index.
MATCH (d:Dispute)
