import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instrumentVersions } from "@/db/schema";
import type { Definition } from "./definition";

// Published versions never change, so each process may keep their definitions: the capture path
// then validates without reading and parsing the definition on every submission.
const MAX_CACHED = 500;
const cache = new Map<string, Definition>();

export async function versionDefinition(db: Db, versionId: string): Promise<Definition> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const [row] = await db.select({ definition: instrumentVersions.definition }).from(instrumentVersions).where(eq(instrumentVersions.id, versionId));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(versionId, row.definition);
  return row.definition;
}
