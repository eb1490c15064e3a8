"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { actionError, formValues, type ActionState } from "@/lib/http/action-result";
import { MAX_INTERVIEW_FILE_BYTES } from "@/lib/interviews/parse-interview-file";
import { addInterviewNote, deleteInterviewNote } from "@/lib/interviews/manage-interview-notes";

const refresh = () => revalidatePath("/o/[org]/workspace/coding", "layout");

// POST (multipart form) – add an interview note, pasted or uploaded (.txt, .docx, .vtt)
export async function addInterviewNoteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const upload = formData.get("file");
    const file = upload instanceof File && upload.size > 0 ? upload : null;
    // Checked before reading the bytes, so an oversized upload is refused without holding it all.
    if (file && file.size > MAX_INTERVIEW_FILE_BYTES) throw new AppError("INVALID", "interviewFileTooLarge", { file: "interviewFileTooLarge" });
    const note = await addInterviewNote(
      await getDb(),
      await getActor(),
      values.orgId ?? "",
      { title: values.title ?? "", participantLabel: values.participantLabel ?? "", participantEmail: values.participantEmail, programId: values.programId, interviewedOn: values.interviewedOn ?? "", attributes: values.attributes ?? "", body: values.body ?? "" },
      file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null,
    );
    refresh();
    return { status: "success", message: note.title };
  } catch (error) {
    return actionError(error, values);
  }
}

// POST (form) – delete a note with its coding item and highlights, then back to the list
export async function deleteInterviewNoteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await deleteInterviewNote(await getDb(), await getActor(), values.orgId ?? "", values.noteId ?? "");
    refresh();
  } catch (error) {
    return actionError(error);
  }
  redirect(`/o/${encodeURIComponent(values.orgSlug ?? "")}/workspace/coding/interviews`);
}
