import { z } from "zod";

/** The frontline program's settings, as the settings form sends them (strings) and the domain reads them. */
export const configureFrontlineProgramSchema = z.object({
  openDay: z.coerce.number({ message: "frontlineOpenDayInvalid" }).int({ message: "frontlineOpenDayInvalid" }).min(1, { message: "frontlineOpenDayInvalid" }).max(28, { message: "frontlineOpenDayInvalid" }),
  openForDays: z.coerce.number({ message: "frontlineOpenForDaysInvalid" }).int({ message: "frontlineOpenForDaysInvalid" }).min(1, { message: "frontlineOpenForDaysInvalid" }).max(27, { message: "frontlineOpenForDaysInvalid" }),
  maxReminders: z.coerce.number({ message: "frontlineMaxRemindersInvalid" }).int({ message: "frontlineMaxRemindersInvalid" }).min(0, { message: "frontlineMaxRemindersInvalid" }).max(5, { message: "frontlineMaxRemindersInvalid" }),
  reminderEveryDays: z.coerce.number({ message: "frontlineReminderEveryDaysInvalid" }).int({ message: "frontlineReminderEveryDaysInvalid" }).min(1, { message: "frontlineReminderEveryDaysInvalid" }).max(14, { message: "frontlineReminderEveryDaysInvalid" }),
  /** Paused keeps the history but opens no new cycle. */
  isActive: z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean()),
});
export type ConfigureFrontlineProgramInput = z.input<typeof configureFrontlineProgramSchema>;
