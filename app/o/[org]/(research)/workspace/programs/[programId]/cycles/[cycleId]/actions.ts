"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { saveMemo } from "@/lib/memos/save-memo";
import { saveMemoSchema } from "@/lib/memos/schemas";

const quoteKeysSchema = z.array(z.string().regex(/^[0-9a-f-]{36}\/[a-z0-9_-]{1,40}$/));

/** Save draft or Publish: the form names its quotes "responseId/questionId", one checkbox each. */
export async function saveMemoAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const quotes = quoteKeysSchema.parse(formData.getAll("quote")).map((key) => {
      const [responseId, questionId] = key.split("/");
      return { responseId, questionId };
    });
    const input = saveMemoSchema.parse({ ...values, quotes });
    const memo = await saveMemo(await getDb(), await getActor(), values.orgId ?? "", values.programId ?? "", input);
    revalidatePath("/o/[org]/workspace/programs/[programId]/cycles/[cycleId]", "page");
    return { status: "success", message: memo.status === "published" ? "memoPublished" : "memoSaved" };
  } catch (error) {
    return actionError(error, values);
  }
}
