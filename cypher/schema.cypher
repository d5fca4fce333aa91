// Constraints and indexes of the knowledge graph. Every statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dispute_id IF NOT EXISTS FOR (n:Dispute) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_search_keys IF NOT EXISTS FOR (n:Entity) ON (n.searchKeys);
CREATE INDEX event_sort_date IF NOT EXISTS FOR (n:Event) ON (n.sortDate);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type);
CREATE INDEX claim_document IF NOT EXISTS FOR (n:Claim) ON (n.documentId);
CREATE INDEX evidence_document IF NOT EXISTS FOR (n:Evidence) ON (n.documentId);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity|Dispute|Event) ON EACH [n.name, n.nameDe, n.aliasText, n.label, n.labelDe, n.description] OPTIONS { indexConfig: { `fulltext.analyzer`: 'german', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX evidence_quotes IF NOT EXISTS FOR (n:Evidence) ON EACH [n.quote, n.gloss] OPTIONS { indexConfig: { `fulltext.analyzer`: 'german', `fulltext.eventually_consistent`: false } };
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE;
CREATE INDEX sentence_document IF NOT EXISTS FOR (n:Sentence) ON (n.documentId);
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;
CREATE INDEX claim_stance IF NOT EXISTS FOR (n:Claim) ON (n.stance);
CREATE INDEX event_order_date IF NOT EXISTS FOR (n:Event) ON (n.orderDate);
// The lower-case names lists sort by (written with the names; migrated once by applySchema).
CREATE INDEX entity_sort_name IF NOT EXISTS FOR (n:Entity) ON (n.sortName);
CREATE INDEX dispute_sort_name IF NOT EXISTS FOR (n:Dispute) ON (n.sortName);
