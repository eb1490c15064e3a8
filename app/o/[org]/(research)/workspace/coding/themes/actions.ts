"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { assignTagToTheme, createTheme, deleteTheme, removeTagFromTheme, updateTheme } from "@/lib/themes/manage-themes";

const refresh = () => revalidatePath("/o/[org]/workspace/coding/themes", "layout");

// POST (form) – create a theme
export async function createThemeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const theme = await createTheme(await getDb(), await getActor(), values.orgId ?? "", { name: values.name ?? "", description: values.description ?? "" });
    refresh();
    return { status: "success", message: theme.name };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – rename or describe a theme
export async function updateThemeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await updateTheme(await getDb(), await getActor(), values.orgId ?? "", { themeId: values.themeId ?? "", name: values.name ?? "", description: values.description ?? "" });
    refresh();
    return { status: "success", message: "saved", values };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – delete a theme (its tags stay, ungrouped), then back to the list
export async function deleteThemeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await deleteTheme(await getDb(), await getActor(), values.orgId ?? "", values.themeId ?? "");
    refresh();
  } catch (error) {
    return actionError(error);
  }
  redirect(`/o/${encodeURIComponent(values.orgSlug ?? "")}/workspace/coding/themes`);
}

// POST (form) – put a tag in the theme, or take it out
export async function themeTagAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const input = { themeId: values.themeId ?? "", tagId: values.tagId ?? "" };
    if (values.intent === "remove") await removeTagFromTheme(await getDb(), await getActor(), values.orgId ?? "", input);
    else await assignTagToTheme(await getDb(), await getActor(), values.orgId ?? "", input);
    refresh();
    return { status: "success", message: values.intent === "remove" ? "tagRemoved" : "tagAssigned" };
  } catch (error) {
    return actionError(error, values);
  }
}
