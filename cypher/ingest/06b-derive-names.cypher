// An entity's aliases and search keys are the union of what every document that names it says.
MATCH (e:Entity)
WHERE e.namesStale = true
WITH e,
     [x IN coalesce(e.aliasSources, []) | substring(x, size(split(x, '|')[0]) + 1)] AS aliases,
     [x IN coalesce(e.keySources, []) | substring(x, size(split(x, '|')[0]) + 1)] AS keys
WITH e,
     reduce(acc = [], a IN aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliases,
     reduce(acc = [], k IN keys | CASE WHEN k IN acc THEN acc ELSE acc + k END) AS keys
SET e.aliases = aliases,
    e.searchKeys = keys,
    e.aliasText = reduce(s = '', a IN aliases | CASE s WHEN '' THEN a ELSE s + ' | ' + a END),
    e.namesStale = null
