import { buildSchema, execute, type GraphQLResolveInfo, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_KEPT_VARIABLES } from '../../src/cache/kept-keys.js';
import { keptSelectionChars, MAX_KEPT_CHARS, perSelection } from '../../src/graphql/selection.js';

/* What depends only on a selection and the variables is computed once per parsed document. */
describe('perSelection', () => {
  const schema = buildSchema('type Item { name: String, child: Item } type Query { item(n: Int): Item }');

  /** Runs a document; each `item` and `child` answers (and records) the plan of its selection. */
  function runner(document: ReturnType<typeof parse>) {
    const computed: string[] = [];
    const plan = (info: GraphQLResolveInfo) =>
      perSelection(info, 'plan', () => {
        computed.push(String(info.path.key));
        return { name: info.fieldNodes.map((f) => f.selectionSet?.selections.length ?? 0).join('+') };
      });
    const item = (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => ({
      ...plan(info),
      child: (_a: unknown, _c: unknown, childInfo: GraphQLResolveInfo) => plan(childInfo),
    });
    return {
      computed,
      run: (variableValues: Record<string, unknown>) =>
        execute({ schema, document, rootValue: { item }, variableValues }),
    };
  }

  it('computes once per selection and variables, again for new variables or another document', async () => {
    const text = 'query($n: Int) { a: item(n: $n) { name } b: item(n: 2) { name } }';
    const { computed, run } = runner(parse(text));
    await run({ n: 1 });
    await run({ n: 1 });
    expect(computed).toEqual(['a', 'b']);
    await run({ n: 3 });
    expect(computed).toEqual(['a', 'b', 'a', 'b']);
    await run({ n: 1 });
    expect(computed).toHaveLength(4);
    const other = runner(parse(text));
    await other.run({ n: 1 });
    expect(other.computed).toEqual(['a', 'b']);
  });

  it('tells apart one field node merged with another and alone', async () => {
    // F's `child` is the first field node of x's child (merged with x's own) and all of y's.
    const { computed, run } = runner(
      parse('{ x: item { ...F child { child { name } } } y: item { ...F } } fragment F on Item { child { name } }'),
    );
    for (let i = 0; i < 2; i++) {
      const r = await run({});
      expect(r.errors).toBeUndefined();
      expect(r.data).toMatchObject({ x: { child: { name: '1+1' } }, y: { child: { name: '1' } } });
    }
    expect(computed.filter((k) => k === 'child')).toHaveLength(2);
  });

  it('keeps nothing for long variables (an article sent to ingest)', async () => {
    const { computed, run } = runner(parse('query($t: String) { a: item { name } b: item { name } }'));
    const t = 'x'.repeat(MAX_KEPT_VARIABLES);
    await run({ t });
    await run({ t });
    expect(computed).toEqual(['a', 'b', 'a', 'b']);
  });

  it('keeps at most MAX_KEPT_CHARS in all, however many variable sets arrive', async () => {
    const { computed, run } = runner(parse('query($t: String) { a: item { name } }'));
    const t = (i: number) => `${i}`.padEnd(MAX_KEPT_VARIABLES - 20, 'x');
    const sets = Math.ceil(MAX_KEPT_CHARS / MAX_KEPT_VARIABLES) + 500;
    for (let i = 0; i < sets; i++) await run({ t: t(i) });
    expect(computed).toHaveLength(sets);
    expect(keptSelectionChars()).toBeLessThanOrEqual(MAX_KEPT_CHARS);
    expect(keptSelectionChars()).toBeGreaterThan(MAX_KEPT_CHARS / 2);
    // The least recently used went first; the newest is still kept.
    await run({ t: t(sets - 1) });
    expect(computed).toHaveLength(sets);
    await run({ t: t(0) });
    expect(computed).toHaveLength(sets + 1);
  });

  it('keeps nothing for a document without source locations', async () => {
    const { computed, run } = runner(parse('{ a: item { name } }', { noLocation: true }));
    await run({});
    await run({});
    expect(computed).toEqual(['a', 'a']);
  });
});
