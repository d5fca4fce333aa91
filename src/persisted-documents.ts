import { readFileSync } from 'node:fs';
import { type GraphQLSchema, parse, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError } from './error-codes.js';

/** The documents a client may name by id instead of sending their text. */
export interface PersistedDocuments {
  /** id (usually the sha256 of the text) → document text. */
  byId: Map<string, string>;
  /** Refuse any document that is not in the manifest (trusted documents). */
  only: boolean;
}

export class ManifestError extends Error {}

/**
 * Reads a manifest: a JSON object `{ "<id>": "<document>" }` (GraphQL Code Generator's
 * persisted-documents.json), or Apollo's `{ "operations": [{ "id", "body" }] }`. Every document must
 * parse and fit the schema; anything else stops the server with one line.
 */
export function loadPersistedDocuments(file: string, only: boolean, schema: GraphQLSchema): PersistedDocuments {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ManifestError(`PERSISTED_DOCUMENTS ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const entries: [unknown, unknown][] =
    raw && typeof raw === 'object' && Array.isArray((raw as { operations?: unknown }).operations)
      ? (raw as { operations: { id?: unknown; body?: unknown }[] }).operations.map((o) => [o?.id, o?.body])
      : raw && typeof raw === 'object' && !Array.isArray(raw)
        ? Object.entries(raw)
        : [];
  if (entries.length === 0) throw new ManifestError(`PERSISTED_DOCUMENTS ${file}: no documents in the manifest`);
  const byId = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof id !== 'string' || !id || typeof body !== 'string') {
      throw new ManifestError(`PERSISTED_DOCUMENTS ${file}: every entry needs a string id and a string document`);
    }
    let problems: readonly Error[];
    try {
      problems = validate(schema, parse(body));
    } catch (err) {
      problems = [err as Error];
    }
    if (problems.length > 0) {
      throw new ManifestError(`PERSISTED_DOCUMENTS ${file}: document "${id}": ${problems[0]?.message}`);
    }
    byId.set(id, body);
  }
  return { byId, only };
}

interface Params {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
  documentId?: unknown;
}

/** The id a request names: `documentId` (trusted documents), or Apollo's `extensions.persistedQuery.sha256Hash`. */
function requestedId(params: Params): unknown {
  if (params.documentId !== undefined && params.documentId !== null) return params.documentId;
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return persisted?.sha256Hash;
}

/**
 * Persisted documents: a request that names a document by id runs the manifest's text (an unknown id:
 * PERSISTED_DOCUMENT_NOT_FOUND). With `only`, a document sent as text runs only when it is, character
 * for character, one of the manifest's (else PERSISTED_DOCUMENT_REQUIRED): the server runs nothing
 * it was not given in advance.
 */
export function persistedDocumentsPlugin({ byId, only }: PersistedDocuments): Plugin {
  const trusted = new Set(byId.values());
  return {
    onParams({ params, setParams }) {
      const p = params as Params;
      const id = requestedId(p);
      const { documentId: _, ...rest } = p;
      if (id !== undefined && id !== null) {
        const key = typeof id === 'string' ? id.replace(/^sha256:/, '') : undefined;
        const text = key === undefined ? undefined : (byId.get(key) ?? byId.get(`sha256:${key}`));
        if (text !== undefined) {
          setParams({ ...rest, query: text });
          return;
        }
        if (only || typeof p.query !== 'string') {
          throw apiError(
            'PERSISTED_DOCUMENT_NOT_FOUND',
            `no persisted document has the id "${String(id).slice(0, 100)}"`,
            { http: { status: 404 } },
          );
        }
      }
      if (only && !(typeof p.query === 'string' && trusted.has(p.query))) {
        throw apiError(
          'PERSISTED_DOCUMENT_REQUIRED',
          'this server runs only its persisted documents: send "documentId" (or extensions.persistedQuery.sha256Hash) with the id of one',
          { http: { status: 403 } },
        );
      }
      if (p.documentId !== undefined) setParams(rest);
    },
  };
}
