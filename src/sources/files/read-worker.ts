// The worker's entry when run from the sources (tests, the bench); the bundle's entry points call serveReadWorker themselves.
import { serveReadWorker } from './worker.js';

await serveReadWorker(import.meta.url);
