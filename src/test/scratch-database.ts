import pg from 'pg';

export interface ScratchDatabase {
  name: string;
  /** The server URL with this database in its path. */
  url: string;
  /** The server's version, for benchmark reports. */
  serverVersion: string;
  drop(): Promise<void>;
}

async function adminQuery<T extends pg.QueryResultRow>(serverUrl: string, text: string): Promise<T[]> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return (await admin.query<T>(text)).rows;
  } finally {
    await admin.end();
  }
}

/**
 * A database of its own on a PostgreSQL server (tests, process tests, benchmarks), empty or copied
 * from a template; `drop()` removes it even while connections remain.
 */
export async function createScratchDatabase(serverUrl: string, name: string, opts: { template?: string } = {}): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]+$/.test(name) || (opts.template && !/^[a-z0-9_]+$/.test(opts.template))) throw new Error(`not a plain database name: ${name}`);
  const [version] = await adminQuery<{ v: string }>(serverUrl, "select current_setting('server_version') as v");
  await adminQuery(serverUrl, `create database ${name}${opts.template ? ` template ${opts.template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    serverVersion: version!.v,
    drop: async () => void (await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)),
  };
}
