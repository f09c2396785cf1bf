// The AsyncAPI documents parse with the AsyncAPI parser and its default rules, with no error (warnings are
// printed): `node contracts/asyncapi.mjs deploy/asyncapi/*.json`. make test runs it.
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const parser = new Parser();
let failed = false;
for (const path of process.argv.slice(2)) {
  const { diagnostics } = await parser.parse(await readFile(path, 'utf8'), { source: path });
  const errors = diagnostics.filter((d) => d.severity === 0);
  for (const d of diagnostics) {
    const level = d.severity === 0 ? 'error' : d.severity === 1 ? 'warning' : null;
    if (level) console.log(`${path}: ${level} ${d.code} at ${d.path.join('.') || '(root)'}: ${d.message}`);
  }
  if (errors.length) failed = true;
  else console.log(`${path}: valid`);
}
process.exit(failed ? 1 : 0);
