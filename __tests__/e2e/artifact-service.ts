import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the Actions artifact service that @actions/artifact talks to: the Twirp
 * calls CreateArtifact and FinalizeArtifact, and the blob storage the artifact's zip is put into
 * (Azure block blobs: staged blocks, then the block list). It keeps what it was sent.
 */
export interface ArtifactService {
  /** ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN for the action's environment. */
  env: Record<string, string>;
  created: { name: string; expires_at?: string }[];
  finalized: { name: string; size: string }[];
  /** The uploaded bytes of each artifact, by name. */
  blobs: Map<string, Buffer>;
  close(): Promise<void>;
}

export async function startArtifactService(): Promise<ArtifactService> {
  const created: ArtifactService['created'] = [];
  const finalized: ArtifactService['finalized'] = [];
  const blocks = new Map<string, Buffer>();
  const blobs = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, value: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname.endsWith('.ArtifactService/CreateArtifact')) {
      const request = JSON.parse(body.toString()) as { name: string; expires_at?: string };
      created.push({ name: request.name, expires_at: request.expires_at });
      return json(200, { ok: true, signed_upload_url: `${base}/blob/${encodeURIComponent(request.name)}?sig=abc` });
    }
    if (url.pathname.endsWith('.ArtifactService/FinalizeArtifact')) {
      const request = JSON.parse(body.toString()) as { name: string; size: string };
      finalized.push({ name: request.name, size: request.size });
      return json(200, { ok: true, artifact_id: String(finalized.length) });
    }
    if (url.pathname.startsWith('/blob/') && req.method === 'PUT') {
      const name = decodeURIComponent(url.pathname.slice('/blob/'.length));
      const headers = {
        'x-ms-request-id': '1',
        'x-ms-version': '2024-11-04',
        etag: '"1"',
        'last-modified': new Date().toUTCString(),
      };
      if (url.searchParams.get('comp') === 'block') {
        blocks.set(`${name}/${url.searchParams.get('blockid')}`, body);
      } else if (url.searchParams.get('comp') === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)].map((m) => m[1]!);
        blobs.set(name, Buffer.concat(ids.map((id) => blocks.get(`${name}/${id}`) ?? Buffer.alloc(0))));
      } else {
        blobs.set(name, body);
      }
      res.writeHead(201, headers);
      return res.end();
    }
    json(404, { msg: `no route for ${req.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The client reads its backend ids from the runtime token's scp claim; the signature is never checked.
  const claims = Buffer.from(JSON.stringify({ scp: 'Actions.Results:run-backend-id:job-backend-id' })).toString(
    'base64url',
  );
  const token = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${claims}.sig`;
  return {
    env: { ACTIONS_RESULTS_URL: `${base}/`, ACTIONS_RUNTIME_TOKEN: token },
    created,
    finalized,
    blobs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
