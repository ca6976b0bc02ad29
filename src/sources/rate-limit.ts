import PQueue from 'p-queue';
import { Agent, type Dispatcher } from 'undici';

export interface SharedLimits {
  /** Requests per second to any endpoint (Lightstep documents 100 per organization). */
  requestsPerSecond?: number;
  /** Requests per hour to the snapshot endpoints (documented: 60 per organization). */
  snapshotRequestsPerHour?: number;
}

/**
 * One HTTP dispatcher for every query of a run, so queries collected at the same time stay within the
 * API's limits together: the limits are per organization, while each query's client only counts its own
 * requests. Requests wait for their turn here before they are sent; nothing else about them changes.
 */
export function rateLimitedDispatcher(limits: SharedLimits = {}, base: Dispatcher = new Agent({ connections: 32 })) {
  const everything = new PQueue({ intervalCap: limits.requestsPerSecond ?? 100, interval: 1000 });
  const snapshots = new PQueue({ intervalCap: limits.snapshotRequestsPerHour ?? 60, interval: 3_600_000 });
  return base.compose((dispatch) => (options, handler) => {
    const isSnapshot = /\/snapshots(\/|\?|$)/.test(options.path);
    const send = () => everything.add(() => dispatch(options, handler));
    // The base dispatcher reports its failures through the handler, so nothing is lost by ignoring the promise.
    (isSnapshot ? snapshots.add(send) : send()).catch(() => undefined);
    // The request is queued, not refused: the caller need not wait for a drain event.
    return true;
  });
}
