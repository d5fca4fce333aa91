// Claims with their details, for the asks $asks {kind, id} (see the fragment). All the asks of one
// level of a request come together.
{{claims-of-asks $asks}}
