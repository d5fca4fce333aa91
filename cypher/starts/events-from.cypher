// Events from a date on: the event_sort_date index.
MATCH (e:Event) WHERE e.sortDate >= $from
WITH e
