// The GraphQL contract: what clients see (schema.graphql) compared with the committed one.
//   node contracts/graphql.mjs check <current dir>   fails on any difference, naming breaking changes
//   node contracts/graphql.mjs write <current dir>   records the current schemas, unless a breaking change is
//                                                    not listed in contracts/intended-changes.txt
// <current dir> holds schema.graphql, supergraph.graphql and each subgraph's SDL, as `make contracts` exports
// them. A breaking change (graphql-js findBreakingChanges: a type, field, argument or enum value removed or
// changed incompatibly, a new required argument...) is recorded only when intended-changes.txt has its line.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const [mode, currentDir, committedArg] = process.argv.slice(2);
const committedDir = committedArg || join(here, 'graphql'); // another only in the tests of this check
if (!['check', 'write'].includes(mode) || !currentDir) {
  console.error('usage: node contracts/graphql.mjs check|write <dir with the current schemas>');
  process.exit(2);
}

const read = (dir, name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : null);
const intended = new Set(readFileSync(join(here, 'intended-changes.txt'), 'utf8').split('\n')
  .map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));

const before = read(committedDir, 'schema.graphql');
const after = read(currentDir, 'schema.graphql');
if (!after) throw new Error(`${currentDir}/schema.graphql is missing`);
const breaking = before ? findBreakingChanges(buildSchema(before), buildSchema(after)) : [];
const dangerous = before ? findDangerousChanges(buildSchema(before), buildSchema(after)) : [];
const line = (change) => `${change.type}: ${change.description}`;
const unintended = breaking.map(line).filter((text) => !intended.has(text));
for (const change of dangerous) console.log(`dangerous (allowed): ${line(change)}`);
for (const text of breaking.map(line)) console.log(`${intended.has(text) ? 'breaking, intended' : 'BREAKING'}: ${text}`);

const files = readdirSync(currentDir).filter((name) => name.endsWith('.graphql'));
const stale = files.filter((name) => read(currentDir, name) !== read(committedDir, name));
if (mode === 'write') {
  if (unintended.length) {
    console.error(`not recorded: ${unintended.length} breaking change(s). If intended, copy each line above ` +
      'after "BREAKING: " into contracts/intended-changes.txt and run again.');
    process.exit(1);
  }
  for (const name of files) copyFileSync(join(currentDir, name), join(committedDir, name));
  console.log(stale.length ? `recorded ${stale.join(', ')} in contracts/graphql/` : 'nothing changed');
  process.exit(0);
}
if (unintended.length) {
  console.error(`${unintended.length} breaking change(s) for clients: see above. If intended, list them in ` +
    'contracts/intended-changes.txt, then run make contracts.');
  process.exit(1);
}
if (stale.length) {
  console.error(`contracts/graphql/ is behind the code (${stale.join(', ')}): run make contracts and commit it.`);
  process.exit(1);
}
console.log('GraphQL contract: as committed');
