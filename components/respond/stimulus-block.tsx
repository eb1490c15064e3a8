/** A concept shown to react to: text and an optional image, described by the researcher's alt text (else its text); it takes no answer. */
export function StimulusBlock({ headingId, prompt, copy, imageUrl, imageAlt }: { headingId: string; prompt: string; copy: string; imageUrl?: string; imageAlt?: string }) {
  return (
    <section aria-labelledby={prompt ? headingId : undefined} className="space-y-3 rounded-lg bg-accent p-4">
      {prompt && (
        <h2 id={headingId} className="text-xl font-semibold leading-snug">
          {prompt}
        </h2>
      )}
      {copy && <p className="whitespace-pre-line text-base">{copy}</p>}
      {imageUrl && (
        // A fixed frame keeps the layout still while the image loads.
        <div className="relative aspect-video w-full overflow-hidden rounded-md bg-surface">
          {/* A plain image: the respondent form runs without the Next runtime, and concept images are served as uploaded. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={imageUrl} alt={imageAlt || copy || prompt} loading="lazy" decoding="async" className="absolute inset-0 h-full w-full object-contain" />
        </div>
      )}
    </section>
  );
}
