import { describeOnDatabase } from './support/databases.ts';
import { halfDoneYearTest, serverZoneUtc } from './support/sweep-suite.ts';

// the simulated year of plan 87/KH-UBND with half the tasks done on their due date, on PGlite; the same
// test on PostgreSQL is sweep-half-done-postgres.test.ts (a file per database: the two run in parallel)
serverZoneUtc();

describeOnDatabase('pglite', 'daily sweep over plan 87/KH-UBND', (t) => {
  halfDoneYearTest(t);
});
