import { installLocalNeo4j, LocalNeo4jError } from './local-neo4j.js';

/** `npm run neo4j:install`: resolves the Neo4j jars through Maven ahead of the first start. */
try {
  const { classpath } = installLocalNeo4j();
  console.log(`Neo4j jars ready (${classpath.split(':').length} entries on the classpath)`);
} catch (err) {
  console.error(err instanceof LocalNeo4jError ? err.message : String(err));
  process.exit(1);
}
