"use client";
import { useState } from "react";
import Image from "next/image";
import { useTranslations } from "next-intl";
import { useBuilderSettings } from "./builder-context";

/** Uploads a stimulus image to the organization's assets and hands back its URL. */
export function ImageUpload({ id, imageUrl, onChange }: { id: string; imageUrl?: string; onChange: (imageUrl: string | undefined) => void }) {
  const t = useTranslations("builder");
  const te = useTranslations("errors");
  const { orgSlug } = useBuilderSettings();
  const [isUploading, setIsUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setIsUploading(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/o/${orgSlug}/assets`, { method: "POST", body });
      const result = (await response.json()) as { url?: string; title?: string };
      if (response.ok && result.url) onChange(result.url);
      else setError(result.title ?? "unexpected");
    } catch {
      setError("unexpected");
    } finally {
      setIsUploading(false);
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("stimulusImage")}
      </label>
      {imageUrl && (
        <div className="flex items-end gap-3">
          <div className="relative h-32 w-48 overflow-hidden rounded-md border border-border bg-bg">
            <Image src={imageUrl} alt={t("imagePreviewAlt")} fill unoptimized className="object-contain" />
          </div>
          <button type="button" onClick={() => onChange(undefined)} className="min-h-10 rounded-md border border-border px-3 text-sm hover:bg-accent">
            {t("removeImage")}
          </button>
        </div>
      )}
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        disabled={isUploading}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
          event.target.value = "";
        }}
        // The browser's own "no file chosen" would contradict an image already uploaded: the button below stands for it.
        className="peer sr-only"
      />
      <label htmlFor={id} aria-hidden="true" className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-border bg-surface px-3 text-sm hover:bg-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-primary peer-disabled:opacity-50">
        {imageUrl ? t("replaceImage") : t("chooseImage")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted" aria-live="polite">
        {isUploading ? t("uploadingImage") : t("uploadImage")}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-danger" role="alert">
          {te(error)}
        </p>
      )}
    </div>
  );
}
