/**
 * Test helpers: a fresh store on each backend. PGlite always (in memory); the Postgres server only when
 * TEST_DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import pg from 'pg';
import { openStore, type Store } from '../src/store/store.js';

export interface Backend {
  name: string;
  /** Why the backend is skipped, or null when it runs. */
  skip: string | null;
  open(): Promise<Store & { dispose(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'PGlite',
    skip: null,
    async open() {
      const store = await openStore({ dataDir: 'memory://' });
      return { ...store, dispose: () => store.close() };
    },
  },
  {
    name: 'Postgres server',
    skip: process.env.TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL is not set: the Postgres-server tests are skipped (CI sets it)',
    async open() {
      const url = process.env.TEST_DATABASE_URL!;
      const schema = `dossier_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // The extension lives in public, where every test schema sees it; created in a test schema, it would vanish
      // with that schema while other test files still need it.
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public').catch(() => {});
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema},public`);
      const store = await openStore({ databaseUrl: u.href });
      return {
        ...store,
        async dispose() {
          await store.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          await c.end();
        },
      };
    },
  },
];
