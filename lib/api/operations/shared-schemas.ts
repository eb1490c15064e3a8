import { z } from "zod";

/** A point in time: the domain's Date, sent as an ISO 8601 string in UTC. */
export const timestampSchema = z
  .date()
  .transform((date) => date.toISOString())
  .pipe(z.string().meta({ format: "date-time", examples: ["2026-05-04T09:30:00.000Z"] }));

export const nullableTimestampSchema = timestampSchema.nullable();
