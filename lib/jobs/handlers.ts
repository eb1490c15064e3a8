import "server-only";
import { notifyUrgentFieldReport } from "@/lib/field-reports/notify-urgent-field-report";
import { URGENT_FIELD_REPORT_JOB } from "@/lib/field-reports/schemas";
import { closeCycle } from "@/lib/cycles/close-cycle";
import { openCycle } from "@/lib/cycles/open-cycle";
import { remindCycle } from "@/lib/cycles/remind-cycle";
import { CYCLE_JOB } from "@/lib/programs/plan-next-cycle";
import { inviteLiveParticipants } from "@/lib/live/invite-live-participants";
import { LIVE_JOB } from "@/lib/live/jobs";
import { storeSessionResponsesJob } from "@/lib/live/store-session-responses";
import { closeQuickPollAtDeadline, closeQuickPollWhenQuotasMet } from "@/lib/polls/close-quick-poll";
import { QUICK_POLL_JOB } from "@/lib/polls/schemas";
import { closeResonanceTestAtDeadline } from "@/lib/resonance/close-resonance-test";
import { RESONANCE_JOB } from "@/lib/resonance/schemas";
import { evaluateAlertsJob } from "@/lib/alerts/evaluate-alerts";
import { ALERT_JOB } from "@/lib/alerts/schemas";
import { purgeExpiredDataJob } from "@/lib/privacy/purge-expired-data";
import { RETENTION_JOB } from "@/lib/privacy/schemas";
import { deliverWebhookJob } from "@/lib/webhooks/deliver-webhook";
import { WEBHOOK_JOB } from "@/lib/webhooks/jobs";
import type { JobHandlers } from "./queue";

/** Every kind of background job and the domain function that does it. */
export const jobHandlers: JobHandlers = {
  [URGENT_FIELD_REPORT_JOB]: notifyUrgentFieldReport,
  [CYCLE_JOB.open]: openCycle,
  [CYCLE_JOB.remind]: remindCycle,
  [CYCLE_JOB.close]: closeCycle,
  [QUICK_POLL_JOB.close]: closeQuickPollAtDeadline,
  [QUICK_POLL_JOB.checkQuotas]: closeQuickPollWhenQuotasMet,
  [LIVE_JOB.store]: storeSessionResponsesJob,
  [LIVE_JOB.invite]: inviteLiveParticipants,
  [RESONANCE_JOB.close]: closeResonanceTestAtDeadline,
  [ALERT_JOB.evaluate]: evaluateAlertsJob,
  [RETENTION_JOB.purge]: purgeExpiredDataJob,
  [WEBHOOK_JOB.deliver]: (tx, job, now) => deliverWebhookJob(tx, job, now),
};
