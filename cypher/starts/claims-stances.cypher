// The claims of some stances: the claim_stance index.
MATCH (c:Claim) WHERE c.stance IN $stances
WITH c
