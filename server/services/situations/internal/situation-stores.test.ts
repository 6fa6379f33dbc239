import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Env } from "../../../env";
import { storeEnv } from "./situation-stores";

const env = (url: string, file: string | null) => ({ DATABASE_URL: url, databaseFile: file, dbProvider: file ? "sqlite" : "postgresql" }) as Env;

describe("storeEnv", () => {
  it("puts a SQLite situation in situations/<store>.db beside the main file", () => {
    const store = storeEnv(env("file:/srv/desk/data/situation.db", "/srv/desk/data/situation.db"), "ukraine");
    expect(store.databaseFile).toBe(path.join("/srv/desk/data", "situations", "ukraine.db"));
    expect(store.DATABASE_URL).toBe(`file:${path.join("/srv/desk/data", "situations", "ukraine.db")}`);
  });

  it("names a PostgreSQL situation's database after the main one, on the same server with the same options", () => {
    const store = storeEnv(env("postgresql://desk:pw@db.internal:5432/situation_desk?sslmode=require", null), "south-sudan");
    expect(store.DATABASE_URL).toBe("postgresql://desk:pw@db.internal:5432/situation_desk__south_sudan?sslmode=require");
    expect(store.databaseFile).toBeNull();
  });

  it("keeps a PostgreSQL name within 63 characters, distinct for distinct stores", () => {
    const main = env("postgresql://localhost/situation_desk_for_a_long_newsroom_name", null);
    const a = new URL(storeEnv(main, "a-situation-with-a-very-long-slug-one").DATABASE_URL).pathname.slice(1);
    const b = new URL(storeEnv(main, "a-situation-with-a-very-long-slug-two").DATABASE_URL).pathname.slice(1);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(b.length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
  });
});
