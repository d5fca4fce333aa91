import { describe, expect, it } from 'vitest';
import type { ClaimStance } from '../../src/domain/claims.js';
import type { EntityKind } from '../../src/domain/entities.js';
import type { EventStatus, EventType } from '../../src/domain/events.js';
import { GraphRepository } from '../../src/repositories/graph.js';
import { ListRepository } from '../../src/repositories/lists.js';
import { SearchRepository } from '../../src/repositories/search.js';
import { TraversalRepository } from '../../src/repositories/traversal.js';
import { recordingDatabase } from '../helpers/recording-db.js';

const HOSTILE = [
  "x' OR 1=1 //",
  'x"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n WITH 1 AS x MATCH (`',
  '} RETURN 1 UNION MATCH (n) RETURN n //',
  'CALL dbms.killQueries',
  '\u0000\u202e\uFEFFüñîçødé',
];

describe('values reach Cypher only as parameters', () => {
  it.each(HOSTILE)('keeps %j out of the query text of every repository', async (evil) => {
    const { db, calls } = recordingDatabase();
    const graph = new GraphRepository(db, {});
    const lists = new ListRepository(db, {}, graph);
    const search = new SearchRepository(db, {}, graph);
    const traversal = new TraversalRepository(db, {}, graph);
    await Promise.all([
      graph.node.load(evil),
      graph.edges(evil, ['MEMBER_OF'], 'BOTH'),
      graph.claimDetails.load(evil),
      graph.claimsAbout(evil),
      graph.mentionsOfEntity.load(evil),
      lists.entities(
        { actorsOnly: true, kinds: [evil as EntityKind], disputeId: evil, nameKey: evil },
        'NAME',
        [evil, 0, evil],
        10,
      ),
      lists.events(
        {
          from: evil,
          to: evil,
          types: [evil as EventType],
          statuses: [evil as EventStatus],
          actorId: evil,
          affiliates: true,
          disputeId: evil,
        },
        'DATE',
        // An events cursor's key is a day (a string one is refused before any query); its id goes as a parameter.
        [19_000, 0, evil],
        10,
      ),
      lists.claims(
        { stances: [evil as ClaimStance], aspects: null, documentId: evil, assertedBy: evil },
        'DOCUMENT_POSITION',
        [evil, 0, evil],
        10,
      ),
      search.byName(`${evil}name`, 5),
      search.fullText(evil, 5),
      traversal.neighborhood(evil, 2, ['PARTY_TO'], 10),
      traversal.shortestPath(evil, `${evil}2`, 4, ['PARTY_TO']),
      traversal.dyad(evil, `${evil}2`, true, ['PARTNER_OF']),
    ]);
    expect(calls.length).toBeGreaterThanOrEqual(12); // a claim by id and the claims about a node share one query
    for (const call of calls) {
      expect(call.text, call.name).not.toContain(evil);
      expect(JSON.stringify(call.params), call.name).toMatch(/./);
    }
    // Every hostile value did travel, as a parameter.
    const params = calls.map((c) => JSON.stringify(c.params)).join('\n');
    expect(params).toContain(JSON.stringify(evil).slice(1, -1).slice(0, 5));
  });

  it('refuses template values that are not plain words or numbers', async () => {
    const { db } = recordingDatabase();
    const traversal = new TraversalRepository(db, {}, new GraphRepository(db, {}));
    await expect(traversal.neighborhood('turkey', 4, ['PARTY_TO'], 10)).rejects.toThrow(/out of range/);
    await expect(traversal.shortestPath('a', 'b', 0, ['PARTY_TO'])).rejects.toThrow(/out of range/);
  });
});

describe('relationship patterns', () => {
  it('are built only from allow-listed edge types', async () => {
    const { relationshipPattern } = await import('../../src/repositories/patterns.js');
    expect(relationshipPattern(['MEMBER_OF', 'PART_OF'], 'OUT')).toBe('-[r:MEMBER_OF|PART_OF]->');
    expect(relationshipPattern(['PARTY_TO'], 'IN')).toBe('<-[r:PARTY_TO]-');
    expect(() => relationshipPattern(['MEMBER_OF]-() DETACH DELETE n //'], 'BOTH')).toThrow(/not an edge type/);
    expect(() => relationshipPattern(['ASSERTED_BY'], 'BOTH')).toThrow(/not an edge type/);
  });
});
