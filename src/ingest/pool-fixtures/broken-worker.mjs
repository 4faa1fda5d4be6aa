// A stand-in for the analysis worker (pool.test.ts) that cannot start: its module throws before it is ready.
throw new Error('no model here');
