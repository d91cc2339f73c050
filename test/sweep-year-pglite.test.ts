import { describeOnDatabase } from './support/databases.ts';
import { serverZoneUtc, simulatedYearTest } from './support/sweep-suite.ts';

// the simulated year of plan 87/KH-UBND with no results, on PGlite; the same
// test on PostgreSQL is sweep-year-postgres.test.ts (a file per database: the two run in parallel)
serverZoneUtc();

describeOnDatabase('pglite', 'daily sweep over plan 87/KH-UBND', (t) => {
  simulatedYearTest(t);
});
