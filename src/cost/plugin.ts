import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { keptKey } from '../cache/kept-keys.js';
import type { Limits } from '../config.js';
import type { Context } from '../context.js';
import { apiError } from '../error-codes.js';
import type { StatKey } from '../repositories/stats.js';
import { estimate } from './estimate.js';
import type { FanoutStats } from './fanout-stats.js';
import { WRITE_OPERATION_TIMEOUT_MS } from './guard.js';
import { DyadSides, SideSizeCache } from './sides.js';

/** Thrown by the estimate when it needs a list size before the sizes were first measured. */
class SizesNotMeasured extends Error {}

/**
 * Estimates are kept by document (Yoga's parser cache gives the same document for the same text),
 * operation, variables and the fan-out measurement they were made with: the same request is not
 * estimated again until the sizes are measured again. At most KEPT_ESTIMATES in all, the least
 * recently used replaced; long variables (an article to ingest) are not kept.
 */
const KEPT_ESTIMATES = 4_096;

/** `work`, or the signal's reason as soon as it aborts (the deadline, or the client going away). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

const limitExceeded = (limit: 'cost' | 'depth', message: string, extra: Record<string, number>) =>
  apiError('LIMIT_EXCEEDED', message, { limit, ...extra });

/**
 * Before an operation runs: its cost, estimated from the sizes the data really has, and its depth;
 * over a limit, it is refused and nothing runs. While it runs: the deadline and the result ceilings
 * of ctx.guard (execution stops at the next field once the guard aborts). After a mutation: the
 * sizes are measured again, so the next estimate sees what it wrote.
 */
export function costPlugin(fanout: FanoutStats, limits: Limits): Plugin<Context> {
  const degree = (key: StatKey) => {
    if (!fanout.ready) throw new SizesNotMeasured();
    return fanout.degree(key);
  };
  const sideCache = new SideSizeCache();
  const estimates = new LRUCache<string, { estimate: ReturnType<typeof estimate> }>({ max: KEPT_ESTIMATES });
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      const operation = (args.document as DocumentNode).definitions.find(
        (d): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      const isMutation = operation?.operation === 'mutation';
      if (isMutation) ctx.guard.arm(Math.max(limits.operationTimeoutMs, WRITE_OPERATION_TIMEOUT_MS));

      fanout.checkWhenDue();
      const sides = new DyadSides(sideCache, fanout.measuredAt);
      let sized = false;
      const run = () =>
        estimate(args.schema, args.document, args.operationName, args.variableValues, degree, {
          side: (id, affiliates) => {
            sized = true;
            return sides.side(id, affiliates);
          },
          pair: (a, b, affiliates) => {
            sized = true;
            return sides.pair(a, b, affiliates);
          },
        });
      let result: ReturnType<typeof estimate> = null;
      let measuredFirst = false;
      const byVariables = keptKey(args.document, args.variableValues);
      const key = byVariables && `${byVariables}|${fanout.measuredAt}|${args.operationName ?? ''}`;
      const kept = key ? estimates.get(key) : undefined;
      if (kept) result = kept.estimate;
      else
        try {
          result = run();
          // An estimate from the sizes alone holds until they are measured again; a dyad's also asks its sides.
          if (key && !sized) estimates.set(key, { estimate: result });
        } catch (err) {
          if (!(err instanceof SizesNotMeasured)) throw err;
          measuredFirst = true;
        }
      try {
        // Only an operation that reads lists waits for the first measurement (introspection does not).
        if (measuredFirst) {
          await untilAborted(fanout.refresh(), ctx.signal);
          result = run();
        }
        const measureMissing = async () => {
          if (sides.missing === 0) return;
          await untilAborted(sides.measure(ctx.repos.stats), ctx.signal);
          result = run();
        };
        await measureMissing();
        // Two hubs: over the limit by their degrees, the dyads are counted before the operation is refused.
        if (result && result.cost > limits.maxCost && sides.metDyad) {
          sides.exact = true;
          result = run();
          await measureMissing();
        }
      } catch (cause) {
        ctx.guard.dispose();
        const error =
          cause instanceof GraphQLError
            ? cause
            : apiError(
                'DATABASE_UNAVAILABLE',
                `the database is unavailable: ${cause instanceof Error ? cause.message : cause}`,
              );
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      const refusal =
        result && result.depth > limits.maxDepth
          ? limitExceeded('depth', `the query is ${result.depth} levels deep; at most ${limits.maxDepth} are allowed`, {
              depth: result.depth,
              maxDepth: limits.maxDepth,
            })
          : result && result.cost > limits.maxCost
            ? limitExceeded(
                'cost',
                `the query costs ${result.cost}; at most ${limits.maxCost} is allowed (each item a list can hold counts, from the largest such list the data has)`,
                { cost: result.cost, maxCost: limits.maxCost },
              )
            : undefined;
      if (refusal) {
        ctx.guard.dispose();
        setResultAndStopExecution({ errors: [refusal] });
        return;
      }
      ctx.cost = result?.cost ?? 0;
      // @ts-expect-error graphql-tools' executor takes a signal; envelop's types do not list it.
      args.signal = ctx.guard.signal;
      return {
        async onExecuteDone({ result, setResult }) {
          ctx.guard.dispose();
          if (isMutation) await fanout.refresh().catch(() => {});
          // What an operation that reads the graph cost, so a client sees how close it came to the
          // limits (introspection and bare __typename cost nothing and get no such note).
          if (isAsyncIterable(result) || ctx.cost === 0) return;
          const cost = { estimated: ctx.cost, max: limits.maxCost, items: ctx.guard.items, bytes: ctx.guard.bytes };
          setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
  };
}
