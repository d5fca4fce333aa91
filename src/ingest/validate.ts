import { isNode, LineCounter, type Node, parseDocument } from 'yaml';
import { dateRange, displayDate } from '../domain/dates.js';
import { stringsIn, unsafeCharacters } from '../domain/text.js';
import { type Annotations, annotationSchema } from './annotation-schema.js';
import { nearestMatch, occurrences } from './text.js';

/** One thing wrong with an annotation file, with its place. */
export interface Problem {
  /** Path in the file, e.g. claims[3].evidence[0].quote */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export class AnnotationError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${formatProblems(file, problems)}`);
  }
}

export function formatProblems(file: string, problems: Problem[]): string {
  return problems
    .map((p) => `  ${file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''} ${p.path || '(file)'}: ${p.message}`)
    .join('\n');
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );

/**
 * Parses and checks an annotation file against its schema and against the article text.
 * Returns every problem found (never only the first), or the annotations when there is none.
 */
export function validateAnnotations(
  source: string,
  articleText: string,
): { ok: true; annotations: Annotations } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const place = (path: readonly PropertyKey[]): Pick<Problem, 'line' | 'column'> => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && (node as Node).range) {
        const { line, col } = lineCounter.linePos((node as Node).range?.[0] ?? 0);
        return { line, column: col };
      }
    }
    return {};
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { path: '', line, column: col, message: `YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  let plain: unknown;
  try {
    // toJS refuses documents that expand aliases without bound ("billion laughs").
    plain = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return {
      ok: false,
      problems: [{ path: '', message: `YAML: ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
  // Control and bidi characters are refused in the text and in every value (see domain/text-rules.ts).
  const unsafe: Problem[] = [];
  const textIssue = unsafeCharacters(articleText);
  if (textIssue) unsafe.push({ path: '', message: `the article text ${textIssue}` });
  for (const [path, value] of stringsIn(plain)) {
    const issue = unsafeCharacters(value);
    if (issue) unsafe.push({ path: pathText(path), ...place(path), message: `the value ${issue}` });
  }
  const parsed = annotationSchema.safeParse(plain);
  if (!parsed.success) {
    return {
      ok: false,
      problems: [
        ...unsafe,
        ...parsed.error.issues.map((i) => ({ path: pathText(i.path), ...place(i.path), message: i.message })),
      ],
    };
  }
  const a = parsed.data;
  const problems: Problem[] = [...unsafe];
  const add = (path: (string | number)[], message: string) =>
    problems.push({ path: pathText(path), ...place(path), message });

  // Ids are unique across every section.
  const kinds = new Map<string, string>();
  const sections = [
    ['entities', a.entities],
    ['disputes', a.disputes],
    ['relations', a.relations],
    ['events', a.events],
    ['claims', a.claims],
  ] as const;
  for (const [section, items] of sections) {
    items.forEach((item, i) => {
      const seen = kinds.get(item.id);
      if (seen) add([section, i, 'id'], `id "${item.id}" is already used in ${seen}`);
      else kinds.set(item.id, section);
    });
  }
  const isA = (section: string) => (id: string) => kinds.get(id) === section;
  const isEntity = isA('entities');
  const isDispute = isA('disputes');
  const isEvent = isA('events');
  const ref = (path: (string | number)[], id: string, ok: (id: string) => boolean, what: string) => {
    if (!ok(id)) add(path, `unknown ${what} "${id}"${kinds.has(id) ? ` (it is in ${kinds.get(id)})` : ''}`);
  };

  ref(['document', 'publisherEntity'], a.document.publisherEntity, isEntity, 'entity');

  // Aliases name one entity only, or mentions would be ambiguous.
  const owner = new Map<string, string>();
  a.entities.forEach((e, i) => {
    for (const [j, term] of [e.name, e.nameDe, ...e.aliases].entries()) {
      const key = term.toLowerCase();
      const other = owner.get(key);
      if (other && other !== e.id) {
        add(
          ['entities', i, j < 2 ? (j === 0 ? 'name' : 'nameDe') : 'aliases'],
          `"${term}" also names entity "${other}"`,
        );
      } else owner.set(key, e.id);
    }
  });

  const refs = (path: (string | number)[], ids: string[], ok: (id: string) => boolean, what: string) => {
    for (const [j, id] of ids.entries()) ref([...path, j], id, ok, what);
  };

  for (const [i, d] of a.disputes.entries()) {
    refs(['disputes', i, 'concerns'], d.concerns, (x) => isEntity(x) || isDispute(x), 'entity or dispute');
  }
  for (const [i, r] of a.relations.entries()) {
    ref(['relations', i, 'from'], r.from, isEntity, 'entity');
    if (r.type === 'PARTY_TO') ref(['relations', i, 'to'], r.to, isDispute, 'dispute');
    else ref(['relations', i, 'to'], r.to, isEntity, 'entity');
    if (r.from === r.to) add(['relations', i, 'to'], 'a relation needs two different ends');
  }
  for (const [i, e] of a.events.entries()) {
    refs(['events', i, 'sources'], e.sources, isEntity, 'entity');
    refs(['events', i, 'targets'], e.targets, isEntity, 'entity');
    refs(['events', i, 'locations'], e.locations, isEntity, 'entity');
    refs(
      ['events', i, 'concerns'],
      e.concerns,
      (x) => isEntity(x) || isDispute(x) || isEvent(x),
      'entity, dispute or event',
    );
    refs(['events', i, 'respondsTo'], e.respondsTo, isEvent, 'event');
    refs(['events', i, 'partOf'], e.partOf, isDispute, 'dispute');
    if (e.within !== undefined) {
      ref(['events', i, 'within'], e.within, isEvent, 'event');
      if (e.within === e.id) add(['events', i, 'within'], 'an event cannot be part of itself');
    }
  }
  // A response (or a readout) cannot be dated entirely before what it answers.
  const eventById = new Map(a.events.map((e) => [e.id, e]));
  for (const [i, e] of a.events.entries()) {
    const own = dateRange({ value: e.date.value ?? null, precision: e.date.precision });
    for (const [j, targetId] of e.respondsTo.entries()) {
      const target = eventById.get(targetId);
      if (!target || !own.latest) continue;
      const answered = dateRange({ value: target.date.value ?? null, precision: target.date.precision });
      if (answered.earliest && own.latest < answered.earliest) {
        add(
          ['events', i, 'date'],
          `"${e.id}" responds to "${targetId}" (respondsTo ${j}) but is dated before it (${displayDate({ value: e.date.value ?? null, precision: e.date.precision })} < ${displayDate({ value: target.date.value ?? null, precision: target.date.precision })})`,
        );
      }
    }
  }

  const asserted = new Set<string>();
  a.claims.forEach((c, i) => {
    const [kind, id] = Object.entries(c.about)[0] as [string, string];
    const section = { event: 'events', dispute: 'disputes', relation: 'relations' }[kind] ?? '';
    ref(['claims', i, 'about', kind], id, isA(section), kind);
    asserted.add(id);
    ref(['claims', i, 'assertedBy'], c.assertedBy, isEntity, 'entity');
    refs(['claims', i, 'contradicts'], c.contradicts, isA('claims'), 'claim');
    c.evidence.forEach((ev, j) => {
      const at = occurrences(articleText, ev.quote);
      if (at.length === 0) {
        const near = nearestMatch(articleText, ev.quote);
        add(
          ['claims', i, 'evidence', j, 'quote'],
          `quote not found verbatim in the article${near.score > 0 ? `; nearest text: "${near.excerpt}"` : ''}`,
        );
      } else if (ev.occurrence !== undefined && ev.occurrence > at.length) {
        add(['claims', i, 'evidence', j, 'occurrence'], `the quote occurs ${at.length} time(s), not ${ev.occurrence}`);
      } else if (ev.occurrence === undefined && at.length > 1) {
        add(['claims', i, 'evidence', j, 'quote'], `the quote occurs ${at.length} times; say which with "occurrence"`);
      }
    });
  });
  for (const [section, items] of [
    ['events', a.events],
    ['relations', a.relations],
    ['disputes', a.disputes],
  ] as const) {
    items.forEach((item, i) => {
      if (!asserted.has(item.id)) add([section, i, 'id'], `no claim asserts "${item.id}": every fact needs evidence`);
    });
  }
  a.nonFactual.forEach((passage, i) => {
    if (!articleText.includes(passage)) add(['nonFactual', i], 'passage not found verbatim in the article');
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, annotations: a };
}
