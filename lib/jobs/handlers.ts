import "server-only";
import { notifyUrgentFieldReport } from "@/lib/field-reports/notify-urgent-field-report";
import { URGENT_FIELD_REPORT_JOB } from "@/lib/field-reports/schemas";
import type { JobHandlers } from "./queue";

/** Every kind of background job and the domain function that does it. */
export const jobHandlers: JobHandlers = {
  [URGENT_FIELD_REPORT_JOB]: notifyUrgentFieldReport,
};
