// Compose the supergraph from each subgraph's exported SDL; fail loudly on any composition error.
// Usage: node compose.mjs name=url=path/to/sdl.graphql ... > supergraph.graphql is written beside this file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';

const here = dirname(fileURLToPath(import.meta.url));
const specs = process.argv.slice(2);
if (specs.length === 0) {
  console.error('usage: node compose.mjs <name>=<url>=<sdl file> ...');
  process.exit(2);
}
const services = specs.map((spec) => {
  const [name, url, file] = spec.split('=');
  return { name, url, typeDefs: parse(readFileSync(file, 'utf8')) };
});
const result = composeServices(services);
if (result.errors && result.errors.length > 0) {
  console.error(`supergraph composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) console.error(`- ${error.message}`);
  process.exit(1);
}
const out = process.env.SUPERGRAPH_PATH || join(here, 'supergraph.graphql');
writeFileSync(out, result.supergraphSdl);
// The schema clients see (no federation machinery), for the contract checks (contracts/graphql.mjs).
if (process.env.PUBLIC_SCHEMA_PATH) writeFileSync(process.env.PUBLIC_SCHEMA_PATH, result.publicSdl);
console.log(`supergraph composed from ${services.map((s) => s.name).join(', ')} -> ${out}`);
