// Runs once when a server process starts: open and migrate the database, seed the demo, and
// close the database cleanly on shutdown (PGlite must flush its data folder).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/start-server");
  await startServer();
}
