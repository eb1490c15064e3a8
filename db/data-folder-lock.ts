import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const FOLDER_LOCK = "attune.pid";

/**
 * PGlite does not lock its folder, and two processes writing one folder corrupt it: the first
 * Attune process (app or command line) writes its pid there, and another refuses to start while
 * that process lives. A lock left by a process that died is taken over.
 */
export function holdDataFolder(dataDir: string): () => void {
  const lockFile = path.join(dataDir, FOLDER_LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => rmSync(lockFile, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(`The embedded database in ${dataDir} is in use by another Attune process (pid ${holder}). Stop it first, or set DATABASE_URL to share a PostgreSQL server.`);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the embedded database folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
