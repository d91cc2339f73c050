import { describeOnDatabase } from './support/databases.ts';
import { serverZoneUtc, simulatedYearTest } from './support/sweep-suite.ts';

// the simulated year of plan 87/KH-UBND with no results, on PostgreSQL; the same
// test on PGlite is sweep-year-pglite.test.ts (a file per database: the two run in parallel)
serverZoneUtc();

describeOnDatabase('postgres', 'daily sweep over plan 87/KH-UBND', (t) => {
  simulatedYearTest(t);
});
