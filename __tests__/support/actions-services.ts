import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback stand-in for the GitHub Actions services that `@actions/cache@6` and
 * `@actions/artifact@6` talk to, serving the requests those clients make, over real HTTP:
 *
 * - the cache service v2 (Twirp JSON at ACTIONS_RESULTS_URL): CreateCacheEntry,
 *   FinalizeCacheEntryUpload, GetCacheEntryDownloadURL — with the service's matching rules
 *   (exact key, then newest prefix of the key, then newest prefix of each restore key, all with
 *   the same version; scope by scope in the order the token lists them), immutable entries
 *   (a second CreateCacheEntry of a key answers 409 already_exists) and eviction after 7 days unused;
 * - the artifact service (Twirp JSON): CreateArtifact, FinalizeArtifact, ListArtifacts,
 *   GetSignedArtifactURL — with expiry from `expires_at`, and names unique within a workflow run across
 *   its re-run attempts (a second CreateArtifact of a name answers 409 "an artifact with this name already
 *   exists on the workflow run", as GitHub does for a re-run that uploads the same name again);
 * - the REST API parts for other runs' artifacts: GET /repos/{o}/{r}/actions/artifacts?name=,
 *   GET /repos/{o}/{r}/actions/runs/{id}/artifacts, and GET …/artifacts/{id}/zip (a 302 to the blob);
 * - Azure Blob Storage for the signed URLs: Put Blob, Put Block, Put Block List, Get Blob
 *   Properties (HEAD) and Get Blob with `x-ms-range`.
 *
 * Signed URLs name a host under `.blob.core.windows.net`, as the real services do, because
 * `@actions/cache` only downloads through the Azure SDK (HEAD + ranged GETs) for such hosts.
 * The clients reach it through this same server acting as an HTTP proxy (absolute-form requests
 * from the Azure SDK's http-proxy-agent, CONNECT tunnels from @actions/http-client), so a test
 * sets HTTP_PROXY to `url` (see `runnerEnv`). Nothing leaves the machine.
 *
 * How the cache service learns a run's branch scope: the client sends no ref; the service reads
 * the `ac` claim of the runtime token (ACTIONS_RUNTIME_TOKEN), a JSON list of
 * `{ "Scope": "refs/…", "Permission": n }` (1 read, 2 write). A run's token lists its own ref
 * (read + write), then for a pull request its base branch (read), then the default branch (read);
 * a run on main lists main (read + write) alone. Entries are looked up scope by scope in that order.
 * The token's `scp` claim carries `Actions.Results:<run backend id>:<job backend id>`, which is all
 * the artifact client reads from it.
 */

const DAY_MS = 86_400_000;
const EVICT_AFTER_DAYS = 7;

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  scope: string;
  blob: string;
  size?: number;
  finalized: boolean;
  createdSeq: number;
  lastUsedAt: number;
}

export interface Artifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  runId: number;
  headBranch: string;
  headSha: string;
  /** Where the run's head came from (REPOSITORY_ID unless a fork's pull request made it). */
  headRepositoryId?: number;
  blob: string;
  size?: number;
  digest?: string;
  finalized: boolean;
  createdAt: number;
  expiresAt?: number;
  mimeType?: string;
}

interface Blob {
  committed?: Buffer;
  blocks: Map<string, Buffer>;
  contentType?: string;
}

interface RunInfo {
  runId: number;
  ref: string;
  sha: string;
  event: string;
  headRepositoryId: number;
  /** The branch GitHub reports as the run's head_branch (a pull request's head branch, which a fork names freely). */
  headBranch: string;
}

/** The id of the repository the services stand for (GITHUB_REPOSITORY_ID of its runs). */
export const REPOSITORY_ID = 1_296_269;
/** The id of a fork of it, whose pull requests run in the repository with the fork's branch names. */
export const FORK_REPOSITORY_ID = 8_675_309;

export interface ServicesState {
  cache: CacheEntry[];
  artifacts: Artifact[];
  blobs: Map<string, Blob>;
  /** Every request, as "METHOD path?query"; blob requests as "METHOD host/path[?comp=…][ x-ms-range=…]". */
  requests: string[];
  /** REST tokens without `actions: read`: GitHub answers their artifact requests 403 "Resource not accessible by integration". */
  deniedTokens: Set<string>;
}

export interface RunnerScope {
  runId: number;
  /** The ref the run is for: `refs/heads/main`, or `refs/pull/7/merge` for a pull request. */
  ref: string;
  /** A pull request's base branch (`main`): readable, never written. */
  baseRef?: string;
  /** The repository's default branch (`main` unless said): readable from every run, never written by others. */
  defaultBranch?: string;
  sha?: string;
  attempt?: number;
  /** The event that started the run: `schedule` for a branch, `pull_request` for a pull request ref, unless said. */
  event?: string;
  /** The repository the run's head comes from: this one unless said (a fork's pull request: FORK_REPOSITORY_ID). */
  headRepositoryId?: number;
  /** The run's head_branch as GitHub reports it: the branch of `ref`, unless said (a fork's pull request from its `main`). */
  headBranch?: string;
}

export interface ActionsServices {
  /** ACTIONS_RESULTS_URL, the REST base URL, and the HTTP proxy the blob URLs are reached through. */
  url: string;
  blobHost: string;
  state: ServicesState;
  /** The environment a runner gives a job of this run (results URL, runtime token, v2 flag, proxy). */
  runnerEnv(run: RunnerScope): Record<string, string>;
  /** Moves the service clock on; cache entries unused for 7 days are evicted, artifacts past their expiry expire. */
  advanceDays(days: number): void;
  /** Overwrites the committed bytes of a stored blob (to corrupt a cached dataset in place). */
  tamper(blobPath: string, change: (data: Buffer) => Buffer): void;
  close(): Promise<void>;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A runtime token with the claims the clients and this service read. Unsigned in substance: nothing verifies it. */
export function mintRuntimeToken(
  scopes: { Scope: string; Permission: number }[],
  runBackendId: string,
  jobBackendId = `job-${runBackendId}`,
): string {
  const now = Math.floor(Date.now() / 1000);
  return [
    base64url({ typ: 'JWT', alg: 'HS256' }),
    base64url({
      scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
      ac: JSON.stringify(scopes),
      iat: now,
      exp: now + 3600,
    }),
    randomBytes(16).toString('base64url'),
  ].join('.');
}

export async function startActionsServices(options: { blobHost?: string } = {}): Promise<ActionsServices> {
  const blobHost = options.blobHost ?? 'tdtestaccount.blob.core.windows.net';
  const state: ServicesState = { cache: [], artifacts: [], blobs: new Map(), requests: [], deniedTokens: new Set() };
  const runs = new Map<string, RunInfo>();
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  let nextId = 1;
  let seq = 0;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const twirpError = (res: ServerResponse, status: number, code: string, msg: string) =>
    json(res, status, { code, msg });
  const readBody = async (req: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const signed = (path: string) =>
    `http://${blobHost}/${path}?sv=2024-11-04&se=${encodeURIComponent(new Date(now() + 3600_000).toISOString())}&sr=b&sp=rw&sig=${randomBytes(12).toString('base64url')}`;

  interface Claims {
    scopes: { Scope: string; Permission: number }[];
    runBackendId?: string;
    jobBackendId?: string;
  }
  const claims = (req: IncomingMessage): Claims | undefined => {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m) return undefined;
    try {
      const payload = JSON.parse(Buffer.from(m[1]!.split('.')[1] ?? '', 'base64url').toString()) as {
        scp?: string;
        ac?: string;
      };
      const results = (payload.scp ?? '').split(' ').find((s) => s.startsWith('Actions.Results:'));
      const [, runBackendId, jobBackendId] = results?.split(':') ?? [];
      return { scopes: payload.ac ? (JSON.parse(payload.ac) as Claims['scopes']) : [], runBackendId, jobBackendId };
    } catch {
      return undefined;
    }
  };

  const evict = () => {
    state.cache = state.cache.filter((e) => !e.finalized || now() - e.lastUsedAt < EVICT_AFTER_DAYS * DAY_MS);
  };

  // --- cache service v2 -------------------------------------------------------------------------
  const cacheService = (method: string, body: Record<string, unknown>, who: Claims, res: ServerResponse) => {
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    if (method === 'CreateCacheEntry') {
      const writable = who.scopes.find((s) => s.Permission & 2);
      if (!writable)
        return json(res, 200, { ok: false, message: 'cache write denied: the token has no writable scope' });
      if (state.cache.some((e) => e.key === key && e.version === version && e.scope === writable.Scope)) {
        return twirpError(
          res,
          409,
          'already_exists',
          'cache entry with the same key, version, and scope already exists',
        );
      }
      const id = nextId++;
      const blob = `actions-cache/${id}`;
      state.cache.push({
        id,
        key,
        version,
        scope: writable.Scope,
        blob,
        finalized: false,
        createdSeq: seq++,
        lastUsedAt: now(),
      });
      return json(res, 200, { ok: true, signed_upload_url: signed(blob) });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const writable = who.scopes.find((s) => s.Permission & 2);
      const entry = state.cache.find(
        (e) => e.key === key && e.version === version && e.scope === writable?.Scope && !e.finalized,
      );
      if (!entry) return twirpError(res, 404, 'not_found', 'no cache entry is being created under this key');
      const data = state.blobs.get(entry.blob)?.committed;
      if (!data || data.length !== Number(body.size_bytes)) {
        return twirpError(
          res,
          400,
          'invalid_argument',
          `size_bytes ${String(body.size_bytes)} does not match the upload`,
        );
      }
      entry.finalized = true;
      entry.size = data.length;
      entry.lastUsedAt = now();
      return json(res, 200, { ok: true, entry_id: String(entry.id) });
    }
    if (method === 'GetCacheEntryDownloadURL') {
      evict();
      const restoreKeys = Array.isArray(body.restore_keys) ? (body.restore_keys as string[]) : [];
      for (const scope of who.scopes.filter((s) => s.Permission & 1)) {
        const inScope = state.cache
          .filter((e) => e.finalized && e.scope === scope.Scope && e.version === version)
          .sort((a, b) => b.createdSeq - a.createdSeq);
        const hit =
          inScope.find((e) => e.key === key) ??
          inScope.find((e) => e.key.startsWith(key)) ??
          restoreKeys.map((prefix) => inScope.find((e) => e.key.startsWith(prefix))).find(Boolean);
        if (hit) {
          hit.lastUsedAt = now();
          return json(res, 200, { ok: true, signed_download_url: signed(hit.blob), matched_key: hit.key });
        }
      }
      return json(res, 200, { ok: false });
    }
    return twirpError(res, 404, 'bad_route', `no handler for CacheService/${method}`);
  };

  // --- artifact service -------------------------------------------------------------------------
  const artifactJson = (a: Artifact) => ({
    workflow_run_backend_id: a.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size ?? 0),
    created_at: new Date(a.createdAt).toISOString(),
    ...(a.digest ? { digest: a.digest } : {}),
  });
  const live = (a: Artifact) => a.finalized && (a.expiresAt === undefined || a.expiresAt > now());
  const artifactService = (method: string, body: Record<string, unknown>, res: ServerResponse) => {
    const runBackendId = String(body.workflow_run_backend_id ?? '');
    const run = runs.get(runBackendId);
    if (!run) return twirpError(res, 404, 'not_found', `unknown workflow run backend id '${runBackendId}'`);
    const name = String(body.name ?? '');
    if (method === 'CreateArtifact') {
      if (body.version !== 7)
        return twirpError(res, 400, 'invalid_argument', `unsupported version ${String(body.version)}`);
      if (state.artifacts.some((a) => a.runBackendId === runBackendId && a.name === name)) {
        return twirpError(res, 409, 'already_exists', 'an artifact with this name already exists on the workflow run');
      }
      const id = nextId++;
      const blob = `actions-results/${runBackendId}/${id}/${name}.zip`;
      state.artifacts.push({
        id,
        name,
        runBackendId,
        jobBackendId: String(body.workflow_job_run_backend_id ?? ''),
        runId: run.runId,
        headBranch: run.headBranch,
        headSha: run.sha,
        headRepositoryId: run.headRepositoryId,
        blob,
        finalized: false,
        createdAt: now(),
        expiresAt: typeof body.expires_at === 'string' ? Date.parse(body.expires_at) + clockOffset : undefined,
        mimeType: typeof body.mime_type === 'string' ? body.mime_type : undefined,
      });
      return json(res, 200, { ok: true, signed_upload_url: signed(blob) });
    }
    if (method === 'FinalizeArtifact') {
      const a = state.artifacts.find((x) => x.runBackendId === runBackendId && x.name === name && !x.finalized);
      if (!a) return twirpError(res, 404, 'not_found', `no artifact '${name}' is being uploaded`);
      const data = state.blobs.get(a.blob)?.committed;
      if (!data) return twirpError(res, 400, 'invalid_argument', 'nothing was uploaded');
      a.finalized = true;
      a.size = Number(body.size ?? data.length);
      a.digest = typeof body.hash === 'string' ? body.hash : undefined;
      return json(res, 200, { ok: true, artifact_id: String(a.id) });
    }
    if (method === 'ListArtifacts') {
      const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
      const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter);
      const list = state.artifacts.filter(
        (a) =>
          live(a) &&
          a.runBackendId === runBackendId &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || a.id === idFilter),
      );
      return json(res, 200, { artifacts: list.map(artifactJson) });
    }
    if (method === 'GetSignedArtifactURL') {
      const a = state.artifacts.find((x) => live(x) && x.runBackendId === runBackendId && x.name === name);
      if (!a) return twirpError(res, 404, 'not_found', `no artifact '${name}' in this run`);
      return json(res, 200, { signed_url: signed(a.blob) });
    }
    return twirpError(res, 404, 'bad_route', `no handler for ArtifactService/${method}`);
  };

  // --- REST API (artifacts of other runs) -------------------------------------------------------
  const restArtifact = (a: Artifact, base: string, repo: string) => ({
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.size ?? 0,
    url: `${base}/repos/${repo}/actions/artifacts/${a.id}`,
    archive_download_url: `${base}/repos/${repo}/actions/artifacts/${a.id}/zip`,
    expired: !live(a),
    created_at: new Date(a.createdAt).toISOString(),
    updated_at: new Date(a.createdAt).toISOString(),
    expires_at: a.expiresAt ? new Date(a.expiresAt).toISOString() : null,
    digest: a.digest ?? null,
    workflow_run: {
      id: a.runId,
      repository_id: REPOSITORY_ID,
      head_repository_id: a.headRepositoryId ?? REPOSITORY_ID,
      head_branch: a.headBranch,
      head_sha: a.headSha,
    },
  });
  const restRun = (run: RunInfo, base: string, repo: string) => ({
    id: run.runId,
    name: 'trace-differ',
    head_branch: run.headBranch,
    head_sha: run.sha,
    event: run.event,
    status: 'completed',
    url: `${base}/repos/${repo}/actions/runs/${run.runId}`,
    repository: { id: REPOSITORY_ID, full_name: repo },
    head_repository: {
      id: run.headRepositoryId,
      full_name: run.headRepositoryId === REPOSITORY_ID ? repo : `fork-owner/${repo.split('/')[1]}`,
    },
  });
  const rest = (req: IncomingMessage, url: URL, res: ServerResponse): boolean => {
    const base = `http://${req.headers.host}`;
    let m: RegExpExecArray | null;
    const page = (list: Artifact[], repo: string) => {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const n = Number(url.searchParams.get('page') ?? 1);
      const sorted = [...list].sort((a, b) => b.id - a.id);
      const headers: Record<string, string> = {};
      if (n * perPage < sorted.length) {
        const next = new URL(url.href);
        next.searchParams.set('page', String(n + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      json(
        res,
        200,
        {
          total_count: sorted.length,
          artifacts: sorted.slice((n - 1) * perPage, n * perPage).map((a) => restArtifact(a, base, repo)),
        },
        headers,
      );
    };
    if (req.method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/actions\/artifacts$/.exec(url.pathname))) {
      const name = url.searchParams.get('name');
      page(
        state.artifacts.filter((a) => a.finalized && (name === null || a.name === name)),
        m[1]!,
      );
      return true;
    }
    if (req.method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname))) {
      const name = url.searchParams.get('name');
      const runId = Number(m[2]);
      page(
        state.artifacts.filter((a) => a.finalized && a.runId === runId && (name === null || a.name === name)),
        m[1]!,
      );
      return true;
    }
    if (req.method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)$/.exec(url.pathname))) {
      const run = [...runs.values()].find((r) => r.runId === Number(m![2]));
      if (!run) json(res, 404, { message: 'Not Found' });
      else json(res, 200, restRun(run, base, m[1]!));
      return true;
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname))) {
      const a = state.artifacts.find((x) => x.id === Number(m![1]) && x.finalized);
      if (!a) json(res, 404, { message: 'Not Found' });
      else if (!live(a)) json(res, 410, { message: 'Artifact has expired' });
      else {
        res.writeHead(302, { location: signed(a.blob) });
        res.end();
      }
      return true;
    }
    return false;
  };

  // --- Azure Blob Storage -----------------------------------------------------------------------
  const blobError = (res: ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'x-ms-request-id': 'req' });
    res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  };
  const blobService = async (req: IncomingMessage, url: URL, res: ServerResponse) => {
    if (!url.searchParams.get('sig')) return blobError(res, 403, 'AuthenticationFailed', 'no signature');
    const path = decodeURIComponent(url.pathname.slice(1));
    const common = {
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2024-11-04',
      date: new Date().toUTCString(),
      etag: '"0x8D0000000000000"',
      'last-modified': new Date().toUTCString(),
    };
    if (req.method === 'PUT') {
      const body = await readBody(req);
      const blob = state.blobs.get(path) ?? { blocks: new Map<string, Buffer>() };
      state.blobs.set(path, blob);
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        const id = url.searchParams.get('blockid');
        if (!id) return blobError(res, 400, 'InvalidQueryParameterValue', 'blockid is missing');
        blob.blocks.set(id, body);
      } else if (comp === 'blocklist') {
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map(
          (x) => x[1]!,
        );
        const parts = ids.map((id) => blob.blocks.get(id));
        if (parts.some((p) => p === undefined)) return blobError(res, 400, 'InvalidBlockList', 'a block is missing');
        blob.committed = Buffer.concat(parts as Buffer[]);
        blob.blocks.clear();
        const type = req.headers['x-ms-blob-content-type'];
        if (typeof type === 'string') blob.contentType = type;
      } else if (comp === null) {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
          return blobError(res, 400, 'InvalidHeaderValue', 'x-ms-blob-type must be BlockBlob');
        blob.committed = body;
        const type = req.headers['x-ms-blob-content-type'];
        if (typeof type === 'string') blob.contentType = type;
      } else {
        return blobError(res, 400, 'UnsupportedQueryParameter', `comp=${comp} is not served`);
      }
      res.writeHead(201, { ...common, 'x-ms-request-server-encrypted': 'true', 'content-length': '0' });
      return res.end();
    }
    const data = state.blobs.get(path)?.committed;
    if (!data) return blobError(res, 404, 'BlobNotFound', 'The specified blob does not exist.');
    const type = state.blobs.get(path)?.contentType ?? 'application/octet-stream';
    if (req.method === 'HEAD') {
      res.writeHead(200, {
        ...common,
        'content-length': String(data.length),
        'content-type': type,
        'x-ms-blob-type': 'BlockBlob',
        'accept-ranges': 'bytes',
      });
      return res.end();
    }
    if (req.method === 'GET') {
      const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
      if (!range) {
        res.writeHead(200, {
          ...common,
          'content-length': String(data.length),
          'content-type': type,
          'x-ms-blob-type': 'BlockBlob',
        });
        return res.end(data);
      }
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
      if (start >= data.length) return blobError(res, 416, 'InvalidRange', 'The range specified is invalid');
      res.writeHead(206, {
        ...common,
        'content-length': String(end - start + 1),
        'content-range': `bytes ${start}-${end}/${data.length}`,
        'content-type': type,
        'x-ms-blob-type': 'BlockBlob',
      });
      return res.end(data.subarray(start, end + 1));
    }
    return blobError(res, 405, 'UnsupportedHttpVerb', `${req.method} is not served`);
  };

  // --- routing ----------------------------------------------------------------------------------
  const server = createServer((req, res) => {
    void (async () => {
      // An absolute-form request (through the proxy) names its host; an origin-form one is for us.
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      const toBlob = url.host === blobHost;
      if (toBlob) {
        // Blob requests are logged without the signature, with what tells the operations apart.
        const comp = url.searchParams.get('comp');
        const range = req.headers['x-ms-range'];
        state.requests.push(
          `${req.method} ${blobHost}${url.pathname}${comp ? `?comp=${comp}` : ''}${range ? ` x-ms-range=${String(range)}` : ''}`,
        );
      } else {
        state.requests.push(`${req.method} ${url.pathname}${url.search}`);
      }
      if (toBlob) return blobService(req, url, res);
      const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.(CacheService|ArtifactService)\/(\w+)$/.exec(
        url.pathname,
      );
      if (twirp && req.method === 'POST') {
        const who = claims(req);
        if (!who) return twirpError(res, 401, 'unauthenticated', 'a runtime token is required');
        const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
        return twirp[1] === 'CacheService'
          ? cacheService(twirp[2]!, body, who, res)
          : artifactService(twirp[2]!, body, res);
      }
      if (url.pathname.startsWith('/repos/')) {
        const auth = /^(?:token|Bearer) (\S+)/.exec(req.headers.authorization ?? '');
        if (!auth) return json(res, 401, { message: 'Requires authentication' });
        if (state.deniedTokens.has(auth[1]!) && url.pathname.includes('/actions/'))
          return json(res, 403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/actions/artifacts#list-artifacts-for-a-repository',
            status: '403',
          });
        if (rest(req, url, res)) return;
      }
      json(res, 404, { message: `Not Found (${req.method} ${url.pathname} is not served by the test services)` });
    })().catch((e: unknown) => json(res, 500, { message: String(e) }));
  });
  // @actions/http-client reaches http:// hosts through a proxy with CONNECT (the `tunnel` package):
  // the tunnelled bytes are this same server's HTTP, so the socket is handed back to it.
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (req.url !== `${blobHost}:80`) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    server.emit('connection', socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    blobHost,
    state,
    runnerEnv(run) {
      // A re-run attempt is the same workflow run to the artifact service (artifact names are unique
      // per run, across attempts: a second upload of a name answers 409), a new job run.
      const runBackendId = `run-${run.runId}`;
      const jobBackendId = `job-${run.runId}-${run.attempt ?? 1}`;
      const pullRequest = run.ref.startsWith('refs/pull/');
      runs.set(runBackendId, {
        runId: run.runId,
        ref: run.ref,
        sha: run.sha ?? 'a'.repeat(40),
        event: run.event ?? (pullRequest ? 'pull_request' : 'schedule'),
        headRepositoryId: run.headRepositoryId ?? REPOSITORY_ID,
        headBranch: run.headBranch ?? run.ref.replace(/^refs\/heads\//, ''),
      });
      const scopes = [{ Scope: run.ref, Permission: 3 }];
      for (const branch of [run.baseRef, run.defaultBranch ?? 'main']) {
        const scope = `refs/heads/${branch}`;
        if (branch && !scopes.some((s) => s.Scope === scope)) scopes.push({ Scope: scope, Permission: 1 });
      }
      return {
        ACTIONS_RESULTS_URL: `${url}/`,
        ACTIONS_RUNTIME_TOKEN: mintRuntimeToken(scopes, runBackendId, jobBackendId),
        ACTIONS_CACHE_SERVICE_V2: 'True',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: url,
        HTTP_PROXY: url,
        http_proxy: url,
        // The proxy stands for the way to blob storage only: loopback peers (a simulator) are reached directly.
        NO_PROXY: '127.0.0.1,localhost',
        no_proxy: '127.0.0.1,localhost',
      };
    },
    advanceDays(days) {
      clockOffset += days * DAY_MS;
      evict();
    },
    tamper(blobPath, change) {
      const blob = state.blobs.get(blobPath);
      if (!blob?.committed) throw new Error(`no blob ${blobPath}`);
      blob.committed = change(blob.committed);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
