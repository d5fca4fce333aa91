// Takes the claim's write lock before anything of it is read: edits of one claim run one after
// another, each reading what the one before it committed. Returns nothing for an unknown claim. The seek
// on the unique claim_id index waits for a re-ingest that replaces the node, then finds the new one.
MATCH (c:Claim {id: $id})
SET c.editLock = true
REMOVE c.editLock
RETURN c.id AS id
