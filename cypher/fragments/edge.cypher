// A truthy edge as the API reads it: %1 is the relationship variable.
{type: type(%1), from: startNode(%1).id, to: endNode(%1).id, relationId: %1.relationId, role: %1.role, stance: %1.stance, claimIds: coalesce(%1.claimIds, [])}
