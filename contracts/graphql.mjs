// The GraphQL contract: what clients see (schema.graphql) compared with the committed one.
//   node contracts/graphql.mjs check <current dir>   fails on any difference, naming breaking changes
//   node contracts/graphql.mjs write <current dir>   records the current schemas, unless a breaking change is
//                                                    not listed in contracts/intended-changes.txt
//   node contracts/graphql.mjs undescribed <file>    lists what a schema (a subgraph's SDL too) leaves undescribed
// Both check and write refuse a schema in which a type, field, argument, input field or enum value has no
// description: clients read the schema as the API's reference.
// <current dir> holds schema.graphql, supergraph.graphql and each subgraph's SDL, as `make contracts` exports
// them. A breaking change (graphql-js findBreakingChanges: a type, field, argument or enum value removed or
// changed incompatibly, a new required argument...) is recorded only when intended-changes.txt has its line.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, findBreakingChanges, findDangerousChanges, isEnumType, isInputObjectType, isInterfaceType,
  isIntrospectionType, isObjectType, isSpecifiedScalarType,
} from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const [mode, currentDir, committedArg] = process.argv.slice(2);
const committedDir = committedArg || join(here, 'graphql'); // another only in the tests of this check
if (!['check', 'write', 'undescribed'].includes(mode) || !currentDir) {
  console.error('usage: node contracts/graphql.mjs check|write <dir with the current schemas>\n' +
    '       node contracts/graphql.mjs undescribed <schema file>');
  process.exit(2);
}

// Every element of the schema a client can use that has no description, as `kind Type.field(argument)`.
function undescribed(schema) {
  const missing = [];
  const note = (described, what) => { if (!described?.trim()) missing.push(what); };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || type.name.startsWith('_')) continue;
    note(type.description, `type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue; // federation's _service and _entities
        note(field.description, `field ${type.name}.${field.name}`);
        for (const arg of field.args) note(arg.description, `argument ${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) note(field.description, `input field ${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) note(value.description, `enum value ${type.name}.${value.name}`);
    }
  }
  return missing;
}

if (mode === 'undescribed') {
  const missing = undescribed(buildSchema(readFileSync(currentDir, 'utf8'), { assumeValidSDL: true }));
  for (const what of missing) console.log(what);
  console.error(`${missing.length} undescribed`);
  process.exit(missing.length ? 1 : 0);
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

const missing = undescribed(buildSchema(after));
if (missing.length) {
  for (const what of missing) console.error(`undescribed: ${what}`);
  console.error(`${missing.length} element(s) of the schema have no description: describe them where they are ` +
    'defined (strawberry description=...), then run make contracts.');
  process.exit(1);
}

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
