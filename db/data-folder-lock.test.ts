import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { holdDataFolder } from "./data-folder-lock";

describe("embedded database folder lock", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "attune-lock-"));
  const lockFile = path.join(folder, "attune.pid");
  afterEach(() => rmSync(lockFile, { force: true }));

  it("is taken by the first process and given back on release", () => {
    const release = holdDataFolder(folder);
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("refuses while another live process holds the folder", () => {
    writeFileSync(lockFile, String(process.ppid));
    expect(() => holdDataFolder(folder)).toThrow(/in use by another Attune process/);
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock left by a process that has died", () => {
    const finished = spawnSync(process.execPath, ["-e", ""]);
    writeFileSync(lockFile, String(finished.pid));
    const release = holdDataFolder(folder);
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
  });
});
