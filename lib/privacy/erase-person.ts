import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { livePolls, memberships, organizations, users } from "@/db/schema";
import { z } from "zod";
import { OPERATOR_AUDIT_DETAILS } from "@/lib/audit/operator";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import type { Role } from "@/lib/authz/roles";
import { AppError } from "@/lib/errors";
import type { AnswerValue } from "@/lib/instruments/answers";
import { deleteCountedResponses } from "@/lib/kpis/delete-counted-responses";
import { tallyKeys } from "@/lib/live/tally-keys";
import { POLL_QUESTION_ID } from "@/lib/polls/build-poll-definition";
import { anonymizeLiveAnswers, anonymizeResponses, deleteLivePosts, stripQuotes } from "./purge-identifiable-data";
import { eraseMyDataSchema, erasePersonSchema, type EraseMyDataInput, type ErasePersonInput } from "./schemas";
import { textList, uuidList } from "@/db/sql-lists";
import { findErasureTarget, type ErasureTarget } from "./erasure-target";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

/**
 * Who can be erased: participants and frontline staff. Admins, leaders and researchers are demoted
 * or removed first: their work (decisions signed with their name by design, memos, instruments) is
 * the organization's record, not research data about them. So the last admin can never erase themself.
 */
export const ERASABLE_ROLES: readonly Role[] = ["participant", "frontline"];

export interface ErasureReceipt {
  receiptId: string;
  policy: "keep_anonymous" | "delete";
  responses: number;
  posts: number;
  reports: number;
  /** The person had no other organization, so their account is gone and they are signed out. */
  isAccountDeleted: boolean;
}

/** An admin erases a member's data on their request (found by membership or email); the admin retypes the email to confirm. */
export async function erasePerson(db: Db, actor: Actor | null, orgId: string, rawInput: ErasePersonInput, now = new Date()): Promise<ErasureReceipt> {
  // A key erases with participants:write, which only an admin can give it; people need the admin's members.manage.
  const permission = actor && "apiKeyId" in actor ? "participants.manage" : "members.manage";
  const { organization, userId: adminUserId } = await requirePermission(db, actor, { id: orgId }, permission);
  const input = erasePersonSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const target = await findErasureTarget(tx as unknown as Db, organization.id, input);
    if (!target) throw new AppError("NOT_FOUND", "notFound");
    return eraseTarget(tx as unknown as Db, organization.id, target, input.confirmation, { actorUserId: adminUserId, byRequest: true, reference: input.reference }, now);
  });
}

export const erasePersonAsOperatorSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { message: "emailInvalid" }).max(254, { message: "emailInvalid" }),
  reference: erasePersonSchema.shape.reference,
});
export type ErasePersonAsOperatorInput = z.input<typeof erasePersonAsOperatorSchema>;

/**
 * The command line's way to carry out an erasure request: an operator with database access erases
 * the member with that email, with no one signed in (the command line asks for --confirm instead of
 * a retyped email). The same erasure as the admins' privacy page, audited with no actor.
 */
export async function erasePersonAsOperator(db: Db, organizationId: string, rawInput: ErasePersonAsOperatorInput, now = new Date()): Promise<ErasureReceipt> {
  const input = erasePersonAsOperatorSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const target = await findErasureTarget(tx as unknown as Db, organizationId, { email: input.email });
    if (!target) throw new AppError("NOT_FOUND", "memberNotFound", { email: "memberNotFound" });
    return eraseTarget(tx as unknown as Db, organizationId, target, input.email, { actorUserId: null, byRequest: true, reference: input.reference, isOperator: true }, now);
  });
}

/** A person erases their own data in this organization, retyping their email to confirm. */
export async function eraseMyData(db: Db, actor: Actor | null, org: OrgRef, rawInput: EraseMyDataInput, now = new Date()): Promise<ErasureReceipt> {
  const context = await requirePermission(db, actor, org, "mydata.view");
  const input = eraseMyDataSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    const target = await findErasureTarget(tx as unknown as Db, context.organization.id, { membershipId: context.membershipId });
    if (!target) throw new AppError("NOT_FOUND", "notFound");
    return eraseTarget(tx as unknown as Db, context.organization.id, target, input.confirmation, { actorUserId: null, byRequest: false }, now);
  });
}

async function eraseTarget(tx: Db, organizationId: string, target: ErasureTarget, confirmation: string, by: { actorUserId: string | null; byRequest: boolean; reference?: string; isOperator?: boolean }, now: Date): Promise<ErasureReceipt> {
  if (!target.email || target.email.toLowerCase() !== confirmation) throw new AppError("INVALID", "formHasErrors", { confirmation: "privacyConfirmMismatch" });
  if (!ERASABLE_ROLES.includes(target.role)) throw new AppError("CONFLICT", "privacyEraseStaffFirst");
  // The audit log refuses changes except inside a transaction that says it is an erasure.
  await tx.execute(sql`select set_config('attune.erasure', 'on', true)`);
  const [{ policy }] = await tx.select({ policy: organizations.erasurePolicy }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
  const { userId, membershipId } = target;
  const email = target.email;

  const own = rowsOf<{ id: string; status: string }>(await tx.execute(sql`select id, status from responses where organization_id = ${organizationId}::uuid and respondent_user_id = ${userId} for update`));
  const completed = own.filter((row) => row.status === "completed").map((row) => row.id);
  const partial = own.filter((row) => row.status !== "completed").map((row) => row.id);
  // Their words, found before they go: mail (e.g. an urgent report's) may have carried them.
  const words = await wordsOf(tx, organizationId, userId, completed);
  if (policy === "keep_anonymous") await anonymizeResponses(tx, organizationId, completed, now);
  else {
    await stripQuotes(tx, organizationId, completed);
    await deleteCountedResponses(tx, organizationId, completed);
  }
  if (partial.length > 0) await tx.execute(sql`delete from responses where id = any(${uuidList(partial)})`);

  await eraseLiveAnswers(tx, organizationId, userId, policy);
  const postIds = rowsOf<{ id: string }>(await tx.execute(sql`select p.id from live_posts p join live_sessions s on s.id = p.session_id where s.organization_id = ${organizationId}::uuid and p.user_id = ${userId}`)).map((row) => row.id);
  const posts = await deleteLivePosts(tx, postIds);
  await tx.execute(sql`update live_events e set actor_user_id = null from live_sessions s where s.id = e.session_id and s.organization_id = ${organizationId}::uuid and e.actor_user_id = ${userId}`);
  const reportIds = rowsOf<{ id: string }>(await tx.execute(sql`delete from field_reports where organization_id = ${organizationId}::uuid and author_user_id = ${userId} returning id`)).map((row) => row.id);
  // Notes of an interview with them; their coding items, highlights and insight evidence go too (cascade).
  await tx.execute(sql`delete from interview_notes where organization_id = ${organizationId}::uuid and participant_user_id = ${userId}`);

  const invitationIds = rowsOf<{ id: string }>(
    await tx.execute(sql`
      with program_invites as (delete from program_invitations where organization_id = ${organizationId}::uuid and lower(email) = ${email.toLowerCase()} returning id),
        org_invites as (delete from invitations where organization_id = ${organizationId}::uuid and lower(email) = ${email.toLowerCase()} returning id)
      select id::text from program_invites union all select id::text from org_invites`),
  ).map((row) => row.id);
  await tx.execute(sql`delete from program_members where organization_id = ${organizationId}::uuid and user_id = ${userId}`);
  await tx.execute(sql`delete from consent_records where organization_id = ${organizationId}::uuid and user_id = ${userId}`);
  await tx.execute(sql`delete from panel_sample_members m using panel_samples s where s.id = m.sample_id and s.organization_id = ${organizationId}::uuid and m.user_id = ${userId}`);
  await tx.execute(sql`delete from cycle_notifications n using program_cycles c where c.id = n.cycle_id and c.organization_id = ${organizationId}::uuid and n.user_id = ${userId}`);

  const identifiers = [userId, membershipId, email, email.toLowerCase(), ...(target.name ? [target.name] : [])];
  const mentions = sql`exists (select 1 from unnest(${textList(identifiers)}) i where strpos(j.payload::text, i) > 0)`;
  await tx.execute(sql`delete from jobs j where j.organization_id = ${organizationId}::uuid and (${mentions} or (j.status = 'pending' and exists (select 1 from unnest(${textList(reportIds)}) i where strpos(j.payload::text, i) > 0)))`);
  await tx.execute(sql`
    delete from dev_mailbox m where lower(m.to) = ${email.toLowerCase()}
      or exists (select 1 from unnest(${textList([...identifiers, ...words])}) w where length(w) > 0 and (strpos(m.text, w) > 0 or strpos(coalesce(m.html, ''), w) > 0 or strpos(m.subject, w) > 0))`);
  await tx.execute(sql`delete from verification_tokens where lower(identifier) = ${email.toLowerCase()}`);
  await scrubAudit(tx, organizationId, userId, [...identifiers, ...invitationIds, ...postIds, ...reportIds]);

  await tx.delete(memberships).where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, organizationId)));
  const [otherMembership] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
  // Sessions and sign-in accounts go with the row; every other reference to it is set null.
  if (!otherMembership) await tx.delete(users).where(eq(users.id, userId));

  const receipt: ErasureReceipt = { receiptId: randomUUID(), policy, responses: completed.length, posts, reports: reportIds.length, isAccountDeleted: !otherMembership };
  await recordAudit(tx, {
    organizationId,
    actorUserId: by.actorUserId,
    action: "person.erased",
    targetType: "person",
    targetId: receipt.receiptId,
    details: { policy, responses: receipt.responses, posts, reports: receipt.reports, byRequest: by.byRequest, ...(by.reference ? { reference: by.reference } : {}), ...(by.isOperator ? OPERATOR_AUDIT_DETAILS : {}) },
  });
  // The receipt's id, never the person's: the event tells a receiver to forget, not whom.
  await emitWebhookEvent(tx, organizationId, "participant.erased", { erasureId: receipt.receiptId, policy, responses: receipt.responses, posts, reports: receipt.reports, erasedAt: now.toISOString() });
  return receipt;
}

/** Everything they wrote in this organization: answers' text, posts, live text answers, reports. */
async function wordsOf(tx: Db, organizationId: string, userId: string, responseIds: readonly string[]): Promise<string[]> {
  const rows = rowsOf<{ text: string }>(
    await tx.execute(sql`
      select text_value as text from response_answers where response_id = any(${uuidList(responseIds)}) and text_value is not null
      union select p.body from live_posts p join live_sessions s on s.id = p.session_id where s.organization_id = ${organizationId}::uuid and p.user_id = ${userId}
      union select a.value #>> '{}' from live_answers a join live_sessions s on s.id = a.session_id where s.organization_id = ${organizationId}::uuid and a.user_id = ${userId} and jsonb_typeof(a.value) = 'string'
      union select body from field_reports where organization_id = ${organizationId}::uuid and author_user_id = ${userId}
      union select body from interview_notes where organization_id = ${organizationId}::uuid and participant_user_id = ${userId}`),
  );
  // Very short strings ("ok") would match unrelated mail; they identify nobody on their own.
  return rows.map((row) => row.text).filter((text) => text && text.trim().length >= 4);
}

/** Live answers: detached (keep_anonymous) or deleted with their counts taken out of the poll's tallies (delete). */
async function eraseLiveAnswers(tx: Db, organizationId: string, userId: string, policy: "keep_anonymous" | "delete") {
  const answers = await tx.execute(sql`
    select a.id, a.value, a.attributes, a.poll_id as "pollId" from live_answers a join live_sessions s on s.id = a.session_id
    where s.organization_id = ${organizationId}::uuid and a.user_id = ${userId} order by a.id for update of a`);
  const rows = rowsOf<{ id: number; value: AnswerValue; attributes: Record<string, string>; pollId: string }>(answers);
  if (policy === "keep_anonymous") {
    await anonymizeLiveAnswers(tx, rows.map((row) => Number(row.id)));
    return;
  }
  const polls = rows.length === 0 ? [] : await tx.select({ id: livePolls.id, definition: livePolls.definition }).from(livePolls).where(inArray(livePolls.id, [...new Set(rows.map((row) => row.pollId))]));
  const questionOf = new Map(polls.map((poll) => [poll.id, poll.definition.questions.find((candidate) => candidate.id === POLL_QUESTION_ID)]));
  for (const answer of rows) {
    const question = questionOf.get(answer.pollId);
    if (question) {
      for (const key of tallyKeys(question.type, answer.value, answer.attributes)) {
        await tx.execute(sql`update live_poll_tallies set n = n - 1 where poll_id = ${answer.pollId}::uuid and attribute = ${key.attribute} and attribute_value = ${key.value} and bucket = ${key.bucket}`);
      }
    }
    await tx.execute(sql`delete from live_answers where id = ${answer.id}`);
  }
}

/**
 * Their own entries keep the action and time but lose the actor; ids, emails and names of theirs in
 * targets or details become null. Entries about other people are untouched.
 */
async function scrubAudit(tx: Db, organizationId: string, userId: string, identifiers: readonly string[]) {
  const list = textList(identifiers);
  await tx.execute(sql`
    update audit_log set
      actor_user_id = case when actor_user_id = ${userId} then null else actor_user_id end,
      target_id = case when target_id = any(${list}) then null else target_id end,
      details = coalesce((select jsonb_object_agg(d.key, case when d.value #>> '{}' = any(${list}) then 'null'::jsonb else d.value end) from jsonb_each(details) d), '{}'::jsonb)
    where organization_id = ${organizationId}::uuid
      and (actor_user_id = ${userId} or target_id = any(${list}) or exists (select 1 from jsonb_each(details) d where d.value #>> '{}' = any(${list})))`);
}
