import { createHash, type Hash } from 'node:crypto';

/**
 * The checksum of a dataset file's header and body together: SHA-256 over the header's JSON without its
 * own `sha256` field, a newline, then the body's bytes. `checksumStart` returns the hash for a reader to
 * feed the body it streams; `checksumOf` is for a body in hand. It catches damage to, and edits of, either
 * part; it is not a signature (anyone can compute it), so where a file comes from is the store's check.
 */
export function checksumStart(header: { sha256?: string }): Hash {
  const { sha256: _own, ...rest } = header;
  return createHash('sha256').update(`${JSON.stringify(rest)}\n`);
}

export function checksumOf(header: { sha256?: string }, body: Uint8Array): string {
  return checksumStart(header).update(body).digest('hex');
}
