// Claims with their details, for the asks $asks {kind, id} (see the fragment). All the asks of one
// level of a request come together.
WITH $asks AS asks
{{claims-of-asks asks}}
