import { describeFuzzedRoutes } from './support/fuzz.ts';

/** Every route fuzzed (test/support/fuzz.ts): the first half of the routes; the other in fuzz.part2.test.ts. */
describeFuzzedRoutes(1, 2);
