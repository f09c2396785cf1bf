// Trusted documents: when GATEWAY_TRUSTED_DOCUMENTS names a JSON file, the gateway runs only the
// operations in it, asked for by their SHA-256 (`extensions.persistedQuery.sha256Hash`, or `documentId`).
// The file is what a frontend's build writes: an object of hash → document (GraphQL Code Generator's
// persisted documents), or an Apollo persisted query manifest. Every hash is checked against its
// document when the gateway starts, so a wrong file stops the gateway rather than refusing a client.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

type Manifest = { format?: string; operations?: { id: string; body: string }[] };

export function readTrustedDocuments(path: string): Map<string, string> {
  const content = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string> & Manifest;
  const entries: [string, string][] = content.format === 'apollo-persisted-query-manifest'
    ? (content.operations ?? []).map(({ id, body }) => [id, body])
    : Object.entries(content);
  for (const [hash, document] of entries) {
    if (typeof document !== 'string' || createHash('sha256').update(document).digest('hex') !== hash) {
      throw new Error(`${path}: the document named ${hash} does not have that SHA-256 hash`);
    }
  }
  return new Map(entries);
}

const refusal = (message: string) => ({ message, extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } });

export function trustedDocuments(path: string | undefined) {
  if (!path) return undefined;
  const documents = readTrustedDocuments(path);
  return {
    getPersistedOperation: (hash: string) => documents.get(hash) ?? null,
    allowArbitraryDocuments: false,
    customErrors: {
      notFound: refusal('this gateway runs only its trusted documents, and this is not one of them'),
      persistedQueryOnly: refusal('this gateway runs only trusted documents: send the hash of one'),
      keyNotFound: refusal('this gateway runs only trusted documents: send the hash of one'),
    },
  };
}
