// The text %1 folded as domain/text.ts searchKey folds it, but for its combining marks, which stay
// (Cypher replaces no pattern; domain/text.ts wholeWordPattern passes over them): NFKD, lower case,
// ß as ss, ı as i, the quotation marks $dropped dropped.
reduce(t = replace(replace(toLower(normalize(coalesce(%1, ''), NFKD)), 'ß', 'ss'), 'ı', 'i'), q IN $dropped | replace(t, q, ''))
