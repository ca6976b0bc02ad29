/** simulator: the Lightstep public API on loopback, and the sandbox-like traffic behind it. */
export {
  startSimulator,
  matcher,
  type Faults,
  type Simulator,
  type SimulatorOptions,
  type SimulatorStats,
} from './server.js';
export {
  generateTraffic,
  PRODUCTION,
  SANDBOX,
  type Scenario,
  type TrafficOptions,
  type TrafficShape,
} from './traffic.js';
