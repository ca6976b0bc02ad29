/** The statistics of the diff engine: each a pure function of plain numbers, tested against R. */
export { mannWhitney, hodgesLehmann, type MannWhitney, type Shift } from './mann-whitney.js';
export { errorRateTest, fisherExact, twoProportionZ } from './proportions.js';
export { poissonRateTest } from './poisson.js';
export { benjaminiHochberg } from './fdr.js';
export { percentileSorted, meanOf } from './percentiles.js';
export { quantileTest } from './quantile.js';
