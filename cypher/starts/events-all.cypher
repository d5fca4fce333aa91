// Every event (a label scan): no filter narrows the list by an index.
MATCH (e:Event)
