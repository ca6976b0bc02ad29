/** simulator: the Lightstep public API and fakes of Tempo, Jaeger and Zipkin on loopback, and the sandbox-like traffic behind them. */
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
export {
  startBackendFake,
  traceqlMatcher,
  type Backend,
  type BackendFake,
  type BackendFakeOptions,
  type BackendFakeStats,
} from './backends.js';
