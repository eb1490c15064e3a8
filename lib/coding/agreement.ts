import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { requirePermission, type Actor, type OrgRef } from "@/lib/authz/require-permission";
import { cohensKappa, kappaBand, type KappaBand, type KappaResult } from "@/lib/statistics/cohens-kappa";
import { agreementQuerySchema } from "./schemas";

/** Below this many items coded by both, a kappa says little and is shown as "too few items". */
export const MIN_AGREEMENT_ITEMS = 10;

export interface TagAgreement extends KappaResult {
  tagId: string;
  name: string;
  color: string;
  band: KappaBand | null;
  isTooFew: boolean;
}

/** Researchers and admins of the organization who have coded at least one item there. */
export async function listCoders(db: Db, organizationId: string) {
  return rowsOf<{ userId: string; name: string }>(
    await db.execute(sql`
      select u.id as "userId", coalesce(nullif(u.name, ''), u.email, u.id) as name
      from users u join memberships m on m.user_id = u.id and m.organization_id = ${organizationId}::uuid and m.role in ('admin', 'researcher')
      where exists (select 1 from coding_reviews r where r.organization_id = ${organizationId}::uuid and r.coder_user_id = u.id)
      order by 2`),
  );
}

/**
 * Per tag, Cohen's kappa between two coders over the items both marked coded; a coder's judgement
 * on an item is whether they applied the tag to any of their highlights in it. With no coders
 * chosen, the first two (by name) are compared.
 */
export async function codingAgreement(db: Db, actor: Actor | null, org: OrgRef, query: { a?: string; b?: string }) {
  const { organization } = await requirePermission(db, actor, org, "insights.code");
  const coders = await listCoders(db, organization.id);
  // Without a choice, the first two coders are compared, so the page opens on an answer.
  const parsed = agreementQuerySchema.parse(query);
  const [a, b] = parsed.a || parsed.b ? [parsed.a, parsed.b] : [coders[0]?.userId, coders[1]?.userId];
  const known = new Set(coders.map((coder) => coder.userId));
  if (!a || !b || a === b || !known.has(a) || !known.has(b)) return { coders, a: a ?? null, b: b ?? null, sharedItems: 0, tags: [] as TagAgreement[] };
  const shared = rowsOf<{ itemId: string }>(
    await db.execute(sql`
      select ra.item_id as "itemId" from coding_reviews ra join coding_reviews rb on rb.item_id = ra.item_id and rb.coder_user_id = ${b}
      where ra.organization_id = ${organization.id}::uuid and ra.coder_user_id = ${a}`),
  ).map((row) => row.itemId);
  const applied = rowsOf<{ itemId: string; coder: string; tagId: string }>(
    await db.execute(sql`
      select distinct h.item_id as "itemId", h.coder_user_id as coder, ht.tag_id as "tagId"
      from highlights h join highlight_tags ht on ht.highlight_id = h.id
      join coding_reviews ra on ra.item_id = h.item_id and ra.coder_user_id = ${a}
      join coding_reviews rb on rb.item_id = h.item_id and rb.coder_user_id = ${b}
      where h.organization_id = ${organization.id}::uuid and h.coder_user_id in (${a}, ${b})`),
  );
  const has = new Set(applied.map((row) => `${row.itemId}|${row.coder}|${row.tagId}`));
  const tags = rowsOf<{ id: string; name: string; color: string }>(await db.execute(sql`select id, name, color from coding_tags where organization_id = ${organization.id}::uuid order by position, created_at, id`));
  const agreement = tags.map((tag): TagAgreement => {
    const result = cohensKappa(shared.map((itemId) => [has.has(`${itemId}|${a}|${tag.id}`), has.has(`${itemId}|${b}|${tag.id}`)] as const));
    return { tagId: tag.id, name: tag.name, color: tag.color, ...result, band: result.kappa === null ? null : kappaBand(result.kappa), isTooFew: result.n < MIN_AGREEMENT_ITEMS };
  });
  return { coders, a, b, sharedItems: shared.length, tags: agreement };
}
