#!/usr/bin/env node
// Drops the databases `npm run test:integration:postgresql` created (sd_it_*), on TEST_POSTGRES_URL's server.
import pg from "pg";

const base = (process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432").replace(/\/$/, "");
const client = new pg.Client({ connectionString: `${base}/postgres` });
await client.connect();
try {
  const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'sd\\_it\\_%'");
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  console.log(`dropped ${rows.length} test database(s)`);
} finally {
  await client.end();
}
