import { getNamedType, getNullableType, isInterfaceType, isLeafType, isListType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimate, fanoutOf } from '../../src/cost/estimate.js';
import { FANOUT, FANOUT_KEYS } from '../../src/cost/fanout-table.js';
import { schema } from '../../src/graphql/index.js';
import { degreeMaximaQuery, type StatKey } from '../../src/repositories/stats.js';

const listsOfObjects = () =>
  Object.values(schema.getTypeMap()).flatMap((t) =>
    !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t))
      ? Object.values(t.getFields())
          .filter((f) => isListType(getNullableType(f.type)) && !isLeafType(getNamedType(f.type)))
          .map((f) => ({ type: t, field: f.name }))
      : [],
  );

describe('the fan-out table of the cost model', () => {
  it('bounds every list of objects in the schema', () => {
    const missing = listsOfObjects()
      .filter(({ type, field }) => !fanoutOf(type, field))
      .map(({ type, field }) => `${type.name}.${field}`);
    expect(missing).toEqual([]);
  });

  it('names only fields that exist', () => {
    const stale = Object.keys(FANOUT).filter((key) => {
      const [typeName = '', field = ''] = key.split('.');
      const type = schema.getType(typeName);
      return !(type && (isObjectType(type) || isInterfaceType(type)) && type.getFields()[field]);
    });
    expect(stale).toEqual([]);
  });

  it('measures its degrees with allow-listed labels and types only', () => {
    const text = degreeMaximaQuery(FANOUT_KEYS);
    expect(text).toMatch(/^MATCH \(n:Entity\)/);
    expect(text).not.toMatch(/\$|'/);
    expect(() =>
      degreeMaximaQuery([{ label: 'Entity', types: ['X]->() DETACH DELETE n //'], direction: 'OUT' }]),
    ).toThrow(/not allowed/);
    expect(() =>
      degreeMaximaQuery([{ label: 'Entity) DETACH DELETE n //' as 'Entity', types: ['MEMBER_OF'], direction: 'OUT' }]),
    ).toThrow(/not allowed/);
  });

  it('multiplies nested lists by the largest size the data has, and counts page sizes', () => {
    const degree = () => 26;
    const cost = (q: string, variables?: Record<string, unknown>) =>
      estimate(schema, parse(q), undefined, variables, degree)?.cost;
    // entity 1 + relations 1 + 26 × (kind 1)
    expect(cost('{ entity(id: "russia") { relations { kind } } }')).toBe(1 + 1 + 26);
    expect(cost('{ entity(id: "russia") { relations { to { ... on Actor { relations { kind } } } } } }')).toBe(
      1 + 1 + 26 * (1 + 1 + 26),
    );
    expect(cost('query($n: Int) { actors(first: $n) { edges { node { key } } } }', { n: 7 })).toBe(1 + 1 + 7 * 2);
    // A fragment spread many times is walked once per place, not exponentially.
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const bomb = `{ ...F0 } ${fragments.join(' ')} fragment F20 on Query { graphStats { labels { name } } }`;
    expect(cost(bomb)).toBeGreaterThan(1_000_000);
  });
  it("bounds a shared dispute's parties from one side by the parties any dispute has, not only by the side", () => {
    const input = (maxParties: number, sideSize: number) => ({
      args: {},
      parentArgs: { a: 'russia', b: 'turkey' },
      degree: (key: StatKey) =>
        'label' in key && key.label === 'Dispute' && key.types.join() === 'PARTY_TO' && key.direction === 'IN'
          ? maxParties
          : 1_000,
      side: (id: unknown) => ({
        id: String(id),
        affiliates: true,
        size: sideSize,
        events: 0,
        relations: 0,
        parties: 0,
      }),
    });
    for (const field of ['DyadDispute.a', 'DyadDispute.b']) {
      // Two hubs of the 1M corpus: sides of 74 actors, disputes of at most 4 parties.
      expect(FANOUT[field]?.items(input(4, 74)), field).toBe(4);
      // A side smaller than the largest dispute: the side.
      expect(FANOUT[field]?.items(input(12, 3)), field).toBe(3);
    }
    // The shared disputes themselves: `first` of them when given.
    const sides = { ...input(4, 74), side: () => undefined };
    expect(FANOUT['Dyad.disputes']?.items({ ...sides, args: { first: 3 } })).toBe(3);
    // Without it: the largest side (the actor and its affiliates) times the most disputes an actor is party to.
    expect(FANOUT['Dyad.disputes']?.items(sides)).toBe((1 + 1_000) * 1_000);
  });
});
