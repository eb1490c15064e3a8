import { connectDatabase } from "@/db/connect";

// On the server database, migrate once before the files run in parallel; each PGlite file
// migrates its own in-memory database.
export default async function setup() {
  if (!process.env.DATABASE_URL) return;
  const database = await connectDatabase({ databaseUrl: process.env.DATABASE_URL, maxConnections: 1 });
  await database.close();
}
