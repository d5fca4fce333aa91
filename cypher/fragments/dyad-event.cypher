// One linking event of a dyad (%1: {e, aRoles, bRoles}, see dyad.cypher) as DyadEvent reads it.
{event: {{event-map %1.e}}, aRoles: %1.aRoles, bRoles: %1.bRoles}
