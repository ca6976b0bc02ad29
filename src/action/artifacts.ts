import { DefaultArtifactClient } from '@actions/artifact';
import type { Logger } from '../log.js';

/**
 * Uploads the run's report and the datasets it collected as one artifact, for people to download
 * ("the full report is in the artifacts of run …"). An upload is a convenience, never the verdict:
 * where the artifact service is missing (a self-hosted runner without it, a local run) or fails, the
 * run says so and goes on.
 */
export async function uploadRunArtifact(options: {
  name: string;
  files: string[];
  rootDirectory: string;
  retentionDays: number;
  logger: Logger;
  env: NodeJS.ProcessEnv;
}): Promise<number | undefined> {
  const { logger: log } = options;
  if (options.retentionDays === 0) return undefined;
  if (!options.env.ACTIONS_RUNTIME_TOKEN || !options.env.ACTIONS_RESULTS_URL) {
    log.info('No artifact service in this environment: the report and datasets are not uploaded.');
    return undefined;
  }
  try {
    const { id, size } = await new DefaultArtifactClient().uploadArtifact(
      options.name,
      options.files,
      options.rootDirectory,
      { retentionDays: options.retentionDays },
    );
    log.info(
      `uploaded artifact ${options.name} (${options.files.length} files, ${size ?? '?'} bytes, id ${id ?? '?'})`,
    );
    return id;
  } catch (error) {
    log.warn(
      `the artifact ${options.name} could not be uploaded (${(error as Error).message}); the verdict stands, ` +
        "but the report and datasets are only in this run's log and summary",
    );
    return undefined;
  }
}

/** An artifact name unique within a run: one per mode and query of a job, per attempt. */
export function artifactName(mode: string, query: string | undefined, attempt: string | undefined): string {
  const parts = ['trace-differ', mode, query, attempt && attempt !== '1' ? `attempt-${attempt}` : undefined];
  return parts.filter(Boolean).join('-');
}
