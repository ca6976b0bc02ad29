import { DefaultArtifactClient } from '@actions/artifact';
import { getOctokit } from '@actions/github';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDatasetFile, writeDatasetFile } from '../dataset/index.js';
import { summariseDataset } from './summary.js';
import type { Dataset, HistoryEntry } from '../dataset/types.js';
import { StoreError } from '../errors.js';
import type { Logger } from '../log.js';
import { listed, withEntry } from './history.js';
import type { DatasetStore, LoadResult, StoredEntry } from './types.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the REST API says about one artifact (the fields this store reads). */
interface RestArtifact {
  id: number;
  name: string;
  expired: boolean;
  created_at?: string | null;
  workflow_run?: { id?: number; head_branch?: string | null } | null;
}

interface Listing {
  /** Usable artifacts of the pages read so far, newest first. */
  seen: RestArtifact[];
  pages: AsyncIterator<{ data: unknown }>;
  done: boolean;
}

interface ArtifactIndex {
  entries: HistoryEntry[];
  pins: Record<string, HistoryEntry>;
}

export interface ArtifactStoreOptions {
  /** Where files are staged for upload and downloads are unpacked. */
  dir: string;
  /** A token that can read the repository's Actions artifacts (`actions: read`). */
  token: string;
  owner: string;
  repo: string;
  runId: string;
  runAttempt?: string;
  /** Days the uploaded artifacts are kept (1–90, or the repository's maximum). */
  retentionDays: number;
  /** Only artifacts of runs on these branches are read (a PR run: its base branch). Undefined reads every branch. */
  branches?: string[];
  apiUrl?: string;
  logger: Logger;
}

/**
 * The artifact name a collection of a query is uploaded under, found across runs by this name. A re-run
 * attempt of a run that already uploaded it adds `-attempt-<n>`: artifact names are unique within a
 * workflow run, across its attempts (GitHub answers a second upload of a name with 409 Conflict "an
 * artifact with this name already exists on the workflow run", and artifacts are immutable).
 */
export function datasetArtifactName(queryId: string, attempt?: number | string): string {
  const base = `trace-differ-dataset-${queryId}`;
  return attempt !== undefined && Number(attempt) > 1 ? `${base}-attempt-${attempt}` : base;
}

function runKey(artifactName: string, runId: number | string): string {
  return `${artifactName}@run-${runId}`;
}

/**
 * Datasets as workflow artifacts (`@actions/artifact`). Each collection uploads one artifact named
 * `trace-differ-dataset-<query>` (a re-run attempt may add `-attempt-<n>`) holding the dataset file and the
 * query's history index. Earlier runs' artifacts are found by that name through the REST API
 * (`GET /repos/{o}/{r}/actions/artifacts?name=`, newest first, paged only until the branch's newest is found,
 * expired ones skipped) and downloaded through it (`…/artifacts/{id}/zip`). People can
 * download the same artifacts from the run page. Artifacts outlive the cache's 7 days unused (up to
 * the retention, at most 90 days) but are not scoped by branch, so the store reads only the branches it is given.
 */
export class ArtifactStore implements DatasetStore {
  readonly kind = 'artifact';
  private readonly client = new DefaultArtifactClient();
  private readonly listings = new Map<string, Listing>();
  private restClient?: ReturnType<typeof getOctokit>;
  private readonly indexes = new Map<string, ArtifactIndex>();

  constructor(private readonly options: ArtifactStoreOptions) {}

  static create(options: ArtifactStoreOptions): ArtifactStore {
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
      throw new StoreError(
        'workflow artifacts are not available here: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set, so this is not a GitHub Actions job',
        "use 'store: local' with a 'store-path' that persists between runs, or 'store: none'",
      );
    }
    if (!options.owner || !options.repo) {
      throw new StoreError(
        "'store: artifact' does not know the repository (GITHUB_REPOSITORY is not set)",
        "run it in a GitHub Actions job, or use 'store: local'",
      );
    }
    if (!options.token) {
      throw new StoreError(
        "'store: artifact' reads earlier runs' artifacts through the REST API and has no token",
        "pass 'github-token: ${{ github.token }}' and give the job 'permissions: actions: read'",
      );
    }
    if (options.retentionDays < 1) {
      throw new StoreError(
        "'store: artifact' keeps datasets as artifacts, but 'artifact-retention-days' is 0 (no upload)",
        "set 'artifact-retention-days' to the days datasets should be kept (up to 90)",
      );
    }
    return new ArtifactStore(options);
  }

  /**
   * The query's artifacts read so far (newest first, without expired ones or other branches') and the
   * pages still to read. GitHub lists a name's artifacts newest first, 100 a page, with a Link header
   * to the next; a busy repository holds thousands, so pages are read only until the caller has what it needs.
   */
  private listing(queryId: string): Listing {
    const known = this.listings.get(queryId);
    if (known) return known;
    const { owner, repo } = this.options;
    const pages = this.octokit().paginate.iterator(this.octokit().rest.actions.listArtifactsForRepo, {
      owner,
      repo,
      name: datasetArtifactName(queryId),
      per_page: 100,
    });
    const listing: Listing = { seen: [], pages: pages[Symbol.asyncIterator](), done: false };
    this.listings.set(queryId, listing);
    return listing;
  }

  /** Reads one more page of a listing, keeping its usable artifacts. */
  private async readPage(listing: Listing): Promise<void> {
    const { branches } = this.options;
    const page = await listing.pages.next();
    if (page.done) {
      listing.done = true;
      return;
    }
    const usable = (page.value.data as RestArtifact[])
      .filter((a) => !a.expired && a.workflow_run?.id !== undefined)
      .filter((a) => !branches || branches.includes(a.workflow_run?.head_branch ?? ''))
      .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id);
    listing.seen.push(...usable);
  }

  /**
   * The newest usable artifact of the query: pages are read until one is found (often the first page).
   * A re-run attempt of that run may have uploaded a newer one under `-attempt-<n>`, which the listing by
   * name does not show: the run's own artifacts are asked for once (one request) and the latest attempt's wins.
   */
  private async newest(queryId: string): Promise<RestArtifact | undefined> {
    const listing = this.listing(queryId);
    while (listing.seen.length === 0 && !listing.done) await this.readPage(listing);
    const newest = listing.seen[0];
    if (!newest) return undefined;
    const attemptOf = (a: RestArtifact) =>
      a.name === newest.name
        ? 1
        : Number(new RegExp(`^${escapeRegExp(newest.name)}-attempt-(\\d+)$`).exec(a.name)?.[1] ?? 0);
    try {
      const { owner, repo } = this.options;
      // One run's artifacts (a wide matrix may hold more than a page of them): read to the end.
      const ofRun = (await this.octokit().paginate(this.octokit().rest.actions.listWorkflowRunArtifacts, {
        owner,
        repo,
        run_id: newest.workflow_run!.id!,
        per_page: 100,
      })) as RestArtifact[];
      const later = ofRun.filter((a) => !a.expired && attemptOf(a) > 1).sort((a, b) => attemptOf(b) - attemptOf(a))[0];
      if (later) {
        const found = { ...later, workflow_run: later.workflow_run ?? newest.workflow_run };
        listing.seen.unshift(found);
        return found;
      }
    } catch (error) {
      this.options.logger.debug(
        `the artifacts of run ${newest.workflow_run?.id} could not be listed (${(error as Error).message}); its first attempt's dataset is read`,
      );
    }
    return newest;
  }

  /**
   * The names this run may upload a query's dataset under, in order: the plain name, unless an earlier
   * attempt of this run already uploaded it; then the attempt's own `-attempt-<n>`, which no other attempt
   * takes. Should the plain name be refused all the same (409: an upload the listing did not show, say one
   * an earlier attempt began and never finished), the next name is tried.
   */
  private async uploadNames(queryId: string): Promise<string[]> {
    const attempt = this.options.runAttempt;
    const plain = datasetArtifactName(queryId);
    if (attempt === undefined || Number(attempt) <= 1) return [plain];
    const own = datasetArtifactName(queryId, attempt);
    try {
      const { artifacts } = await this.client.listArtifacts();
      return artifacts.some((a) => a.name === plain) ? [own] : [plain, own];
    } catch {
      return [own];
    }
  }

  private octokit(): ReturnType<typeof getOctokit> {
    this.restClient ??= getOctokit(this.options.token, this.options.apiUrl ? { baseUrl: this.options.apiUrl } : {});
    return this.restClient;
  }

  /**
   * The artifact holding a stored dataset: among the pages already read, else asked of its run
   * (`GET /repos/{o}/{r}/actions/runs/{id}/artifacts?name=`, one request) rather than paging on.
   */
  private async artifactOf(name: string, runId: string): Promise<RestArtifact | undefined> {
    for (const listing of this.listings.values()) {
      const found = listing.seen.find((a) => a.name === name && String(a.workflow_run?.id) === runId);
      if (found) return found;
    }
    const { owner, repo } = this.options;
    const { data } = await this.octokit().rest.actions.listWorkflowRunArtifacts({
      owner,
      repo,
      run_id: Number(runId),
      name,
      per_page: 100,
    });
    return (data.artifacts as RestArtifact[]).find(
      (a) => a.name === name && !a.expired && String(a.workflow_run?.id ?? runId) === runId,
    );
  }

  /** Downloads one artifact into a fresh directory and answers that directory. */
  private async download(artifact: RestArtifact): Promise<string> {
    const into = await mkdtemp(join(await this.staging('download'), `${artifact.id}-`));
    await this.client.downloadArtifact(artifact.id, {
      path: into,
      findBy: {
        token: this.options.token,
        workflowRunId: artifact.workflow_run!.id!,
        repositoryOwner: this.options.owner,
        repositoryName: this.options.repo,
      },
    });
    return into;
  }

  private async staging(part: string): Promise<string> {
    const dir = join(this.options.dir, 'artifact', part);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  private async index(queryId: string): Promise<ArtifactIndex> {
    const known = this.indexes.get(queryId);
    if (known) return known;
    let index: ArtifactIndex = { entries: [], pins: {} };
    const newest = await this.newest(queryId);
    if (newest) {
      try {
        const dir = await this.download(newest);
        const read = JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')) as Partial<ArtifactIndex>;
        if (!Array.isArray(read.entries)) throw new Error('it has no list of entries');
        index = { entries: read.entries, pins: read.pins && typeof read.pins === 'object' ? read.pins : {} };
      } catch (error) {
        this.options.logger.warn(
          `the history index in artifact ${newest.name} (id ${newest.id}) was set aside (${(error as Error).message}); starting a new one`,
        );
      }
    }
    this.indexes.set(queryId, index);
    return index;
  }

  async put(dataset: Dataset, options: { pinAs?: string; verdict?: string } = {}): Promise<StoredEntry> {
    const queryId = dataset.provenance.queryId;
    const index = await this.index(queryId);
    const names = await this.uploadNames(queryId);
    let stored: { entry: StoredEntry; index: ArtifactIndex } | undefined;
    for (const [i, name] of names.entries()) {
      const key = runKey(name, this.options.runId);
      const entry = summariseDataset(dataset, key, options.verdict);
      const next: ArtifactIndex = {
        entries: withEntry(index.entries, entry),
        pins: options.pinAs ? { ...index.pins, [options.pinAs]: { ...entry, pinnedAs: options.pinAs } } : index.pins,
      };
      stored = { entry, index: next };
      const root = join(await this.staging('upload'), queryId);
      await rm(root, { recursive: true, force: true });
      await mkdir(root, { recursive: true });
      const files = [join(root, 'dataset.tdds'), join(root, 'history.json')];
      await writeDatasetFile(files[0]!, dataset);
      await writeFile(files[1]!, JSON.stringify(next, null, 1));
      try {
        const uploaded = await this.client.uploadArtifact(name, files, root, {
          retentionDays: this.options.retentionDays,
        });
        this.options.logger.info(
          `stored dataset ${key} as artifact ${name} (id ${uploaded.id}, kept ${this.options.retentionDays} days)`,
        );
        break;
      } catch (error) {
        const message = (error as Error).message;
        if (i + 1 < names.length && /\(409\)|already exists/i.test(message)) {
          this.options.logger.info(
            `artifact ${name} already exists in this run (${message}); uploading as ${names[i + 1]}`,
          );
          continue;
        }
        this.options.logger.warn(
          `dataset ${key} could not be uploaded as an artifact (${message}); the next run will not see it`,
        );
        break;
      }
    }
    // As before a failed upload too: this run's own reads see what it collected.
    index.entries = stored!.index.entries;
    index.pins = stored!.index.pins;
    return stored!.entry;
  }

  async list(queryId: string, options: { limit?: number; before?: string } = {}): Promise<StoredEntry[]> {
    return listed((await this.index(queryId)).entries, options);
  }

  async load(entry: StoredEntry): Promise<LoadResult> {
    const [, name, runId] = /^(.*)@run-(\d+)$/.exec(entry.key) ?? [];
    let artifact: RestArtifact | undefined;
    try {
      artifact = name && runId ? await this.artifactOf(name, runId) : undefined;
    } catch (error) {
      return {
        ok: false,
        problem: `dataset ${entry.key} could not be looked up among the artifacts: ${(error as Error).message}; it was set aside`,
      };
    }
    if (!artifact) {
      return {
        ok: false,
        problem: `dataset ${entry.key} is not among the artifacts any more (expired after its retention, or deleted); it was set aside`,
      };
    }
    let dir: string;
    try {
      dir = await this.download(artifact);
    } catch (error) {
      return {
        ok: false,
        problem: `dataset ${entry.key} (artifact id ${artifact.id}) could not be downloaded: ${(error as Error).message}; it was set aside`,
      };
    }
    const file = join(dir, 'dataset.tdds');
    const loaded = await readDatasetFile(file);
    if (loaded.ok) return loaded;
    return {
      ok: false,
      problem: loaded.problem.replace(`dataset ${file}`, `dataset ${entry.key} (artifact id ${artifact.id})`),
    };
  }

  async pinned(queryId: string, name: string): Promise<StoredEntry | undefined> {
    return (await this.index(queryId)).pins[name];
  }
}
