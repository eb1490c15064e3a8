import { seedDemo } from "@/db/seed/demo";
import { JSON_OPTION, report, type Command } from "../command";

export const migrate: Command = {
  name: "migrate",
  summary: "apply the committed database migrations (the app also does this at start)",
  options: { json: JSON_OPTION },
  async run(values, context) {
    // Opening the database applies pending migrations under an advisory lock, exactly as at start.
    await context.db();
    report(context, values, { migrated: true }, ["The database is migrated."]);
  },
};

export const seedDemoCommand: Command = {
  name: "seed-demo",
  summary: "seed the demo organizations (Northwind, Baltic Brews); does nothing when they exist",
  options: { json: JSON_OPTION },
  async run(values, context) {
    const { created } = await seedDemo(await context.db());
    report(context, values, { created }, [created ? "The demo organizations are seeded." : "The demo organizations already exist; nothing was changed."]);
  },
};
