// Events up to a date: the event_sort_date index.
MATCH (e:Event) WHERE e.sortDate <= $to
WITH e
