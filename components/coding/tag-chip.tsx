import type { ReactNode } from "react";

/** A tag with its codebook color as a swatch; the name carries the meaning, not the color. */
export function TagChip({ tag, children }: { tag: { name: string; color: string }; children?: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs font-medium">
      <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: tag.color }} />
      {tag.name}
      {children}
    </span>
  );
}
