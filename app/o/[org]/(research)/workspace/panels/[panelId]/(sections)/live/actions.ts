"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { scheduleLiveSession } from "@/lib/live/schedule-live-session";

// POST (form) – schedule a live session of a panel and queue its invitations
export async function scheduleLiveSessionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await scheduleLiveSession(await getDb(), await getActor(), values.orgId ?? "", {
      panelId: values.panelId ?? "",
      sampleId: values.sampleId ?? "",
      title: values.title ?? "",
      scheduledAt: values.scheduledAt ?? "",
      defaultLocale: values.defaultLocale as "en",
    });
    revalidatePath("/o/[org]/workspace/panels/[panelId]/live", "page");
    return { status: "success", message: "done" };
  } catch (error) {
    return actionError(error, values);
  }
}
