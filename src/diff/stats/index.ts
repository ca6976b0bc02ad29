/** The statistics of the diff engine: each a pure function of plain numbers, tested against R and SciPy. */
export { mannWhitney, clusteredMannWhitney, hodgesLehmann, type MannWhitney, type Shift } from './mann-whitney.js';
export {
  errorRateTest,
  fisherExact,
  fisherMidP,
  twoProportionZ,
  wilson,
  proportionDifferenceInterval,
} from './proportions.js';
export { binomialTwoSided, binomialUpper, binomialLower } from './binomial.js';
export { poissonRateTest } from './poisson.js';
export { benjaminiHochberg } from './fdr.js';
export { percentileSorted, meanOf } from './percentiles.js';
export { quantileTest, quantileInterval, kthOfUnion, type QuantileInterval } from './quantile.js';
export { Clusters, worstCaseDesignEffect } from './clusters.js';
export {
  percentileChangeInterval,
  meanChangeInterval,
  errorRateChangeInterval,
  rateChangeInterval,
} from './intervals.js';
