"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { confirmRosterImport, previewRosterImport } from "@/lib/roster/import-roster";
import { setStaffActive } from "@/lib/roster/set-staff-active";
import type { RosterImportState } from "./import-state";

// POST (server action) – check a roster file, or confirm the file that was checked
export async function rosterImportAction(_state: RosterImportState, formData: FormData): Promise<RosterImportState> {
  const intent = formData.get("intent");
  if (intent === "reset") return { status: "idle" };
  const orgId = String(formData.get("orgId") ?? "");
  const deactivateMissing = formData.get("deactivateMissing") === "on";
  try {
    const [db, actor] = await Promise.all([getDb(), getActor()]);
    if (intent === "confirm") {
      const plan = await confirmRosterImport(db, actor, orgId, { csv: String(formData.get("csv") ?? ""), deactivateMissing });
      revalidatePath("/o/[org]/workspace/roster", "page");
      return { status: "imported", counts: plan.counts };
    }
    const file = formData.get("file");
    const csv = file instanceof File ? await file.text() : "";
    return { status: "preview", plan: await previewRosterImport(db, actor, orgId, { csv, deactivateMissing }), csv, deactivateMissing };
  } catch (error) {
    const failed = actionError(error);
    return { status: "error", error: failed.status === "error" ? failed.error : "unexpected" };
  }
}

// POST (server action) – deactivate a leaver or bring them back
export async function setStaffActiveAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const { isActive } = await setStaffActive(await getDb(), await getActor(), values.orgId ?? "", { membershipId: values.membershipId ?? "", isActive: values.isActive === "true" });
    revalidatePath("/o/[org]/workspace/roster", "page");
    return { status: "success", message: isActive ? "reactivated" : "deactivated" };
  } catch (error) {
    return actionError(error, values);
  }
}
