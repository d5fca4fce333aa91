// The GEXF writer alone (no DOM parser), so it bundles for the browser and runs in Node.
declare module 'graphology-gexf/common/writer.js' {
  import type { GexfWriterOptions } from 'graphology-gexf/common/types';
  import type Graph from 'graphology-types';
  import type { Attributes } from 'graphology-types';
  export default function write(
    graph: Graph,
    options?: GexfWriterOptions<Attributes, Attributes, Attributes, Attributes>,
  ): string;
}
