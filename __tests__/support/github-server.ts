import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the parts of GitHub's REST API that trace-differ uses: issue comments
 * (with Link-header pagination), issues (list by label, create, update, close), labels, and the
 * authenticated user. The real Octokit client talks to it over HTTP. It can answer errors on
 * command (403 without permission, 404, 422, rate limits).
 */
export interface User {
  login: string;
  type?: 'User' | 'Bot';
}
export interface Comment {
  id: number;
  issue_number: number;
  body: string;
  user: User;
}
export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
  user: User;
  pull_request?: object;
}

export interface GitHubState {
  /** Pull requests GET /repos/…/pulls/:n answers with (only what trace-differ reads of them). */
  pulls: { number: number; head: { sha: string } }[];
  comments: Comment[];
  issues: Issue[];
  labels: Set<string>;
  requests: string[];
}

export interface GitHubServer {
  url: string;
  state: GitHubState;
  /**
   * The next requests whose "METHOD path" match answer this status and message (`times` of them,
   * 1 unless told), with extra headers (rate-limit ones) and validation `errors` when given.
   */
  failNext(match: RegExp, status: number, message: string, options?: number | FailureOptions): void;
  close(): Promise<void>;
}

export interface FailureOptions {
  times?: number;
  headers?: Record<string, string>;
  errors?: unknown[];
}

/**
 * `login` is whose token the client holds: a bot's (the default, github-actions[bot], or an
 * app's `name[bot]`) cannot read /user, as on GitHub; a person's can.
 */
export async function startGitHubServer(options: { login?: string; pageSize?: number } = {}): Promise<GitHubServer> {
  const login = options.login ?? 'github-actions[bot]';
  const state: GitHubState = { pulls: [], comments: [], issues: [], labels: new Set(), requests: [] };
  const failures: { match: RegExp; status: number; message: string; times: number; options: FailureOptions }[] = [];
  const isBot = login.endsWith('[bot]');
  const author: User = { login, type: isBot ? 'Bot' : 'User' };
  let nextId = 1000;
  let nextNumber = 100;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const page = <T>(res: ServerResponse, url: URL, items: T[]) => {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), options.pageSize ?? 100);
    const n = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (n < last) {
      const next = new URL(url.href);
      next.searchParams.set('page', String(n + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    send(res, 200, items.slice((n - 1) * perPage, n * perPage), headers);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const line = `${req.method} ${url.pathname}`;
      state.requests.push(`${line}${url.search}`);
      const failure = failures.find((f) => f.times > 0 && f.match.test(line));
      if (failure) {
        failure.times--;
        return send(
          res,
          failure.status,
          {
            message: failure.message,
            ...(failure.options.errors ? { errors: failure.options.errors } : {}),
            documentation_url: 'https://docs.github.com/rest',
          },
          failure.options.headers,
        );
      }
      let m: RegExpExecArray | null;
      if (line === 'GET /user') {
        // GITHUB_TOKEN cannot read /user; a PAT can. The default login stands for the Actions token.
        return isBot ? send(res, 403, { message: 'Resource not accessible by integration' }) : send(res, 200, author);
      }
      if ((m = /^GET \/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(line))) {
        return page(
          res,
          url,
          state.comments.filter((c) => c.issue_number === Number(m![1])),
        );
      }
      if ((m = /^POST \/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(line))) {
        const body = await readBody(req);
        const comment: Comment = { id: nextId++, issue_number: Number(m[1]), body: String(body.body), user: author };
        state.comments.push(comment);
        return send(res, 201, comment);
      }
      if ((m = /^PATCH \/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(line))) {
        const comment = state.comments.find((c) => c.id === Number(m![1]));
        if (!comment) return send(res, 404, { message: 'Not Found' });
        comment.body = String((await readBody(req)).body);
        return send(res, 200, comment);
      }
      if ((m = /^DELETE \/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(line))) {
        const index = state.comments.findIndex((c) => c.id === Number(m![1]));
        if (index < 0) return send(res, 404, { message: 'Not Found' });
        state.comments.splice(index, 1);
        res.writeHead(204).end();
        return;
      }
      if (/^GET \/repos\/[^/]+\/[^/]+\/issues$/.test(line)) {
        const wanted = url.searchParams.get('state') ?? 'open';
        const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        return page(
          res,
          url,
          state.issues.filter(
            (i) => (wanted === 'all' || i.state === wanted) && labels.every((l) => i.labels.some((x) => x.name === l)),
          ),
        );
      }
      if (/^POST \/repos\/[^/]+\/[^/]+\/issues$/.test(line)) {
        const body = await readBody(req);
        const issue: Issue = {
          id: nextId++,
          number: nextNumber++,
          title: String(body.title),
          body: String(body.body ?? ''),
          state: 'open',
          labels: ((body.labels as string[]) ?? []).map((name) => ({ name })),
          user: author,
        };
        state.issues.push(issue);
        return send(res, 201, issue);
      }
      if ((m = /^PATCH \/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(line))) {
        const issue = state.issues.find((i) => i.number === Number(m![1]));
        if (!issue) return send(res, 404, { message: 'Not Found' });
        const body = await readBody(req);
        if (typeof body.body === 'string') issue.body = body.body;
        if (typeof body.title === 'string') issue.title = body.title;
        if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
        return send(res, 200, issue);
      }
      if ((m = /^GET \/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(line))) {
        const pull = state.pulls.find((p) => p.number === Number(m![1]));
        return pull ? send(res, 200, pull) : send(res, 404, { message: 'Not Found' });
      }
      if ((m = /^GET \/repos\/[^/]+\/[^/]+\/labels\/(.+)$/.exec(line))) {
        const name = decodeURIComponent(m[1]!);
        return state.labels.has(name) ? send(res, 200, { name }) : send(res, 404, { message: 'Not Found' });
      }
      if (/^POST \/repos\/[^/]+\/[^/]+\/labels$/.test(line)) {
        const body = await readBody(req);
        if (state.labels.has(String(body.name)))
          return send(res, 422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
          });
        state.labels.add(String(body.name));
        return send(res, 201, { name: body.name });
      }
      send(res, 404, { message: `Not Found (${line} is not served by the test server)` });
    })().catch((e: unknown) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    failNext: (match, status, message, options = 1) => {
      const o = typeof options === 'number' ? { times: options } : options;
      failures.push({ match, status, message, times: o.times ?? 1, options: o });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
