import { describeFuzzedRoutes } from './support/fuzz.ts';

/** Every route fuzzed (test/support/fuzz.ts): the second half of the routes; the first in fuzz.test.ts. */
describeFuzzedRoutes(2, 2);
