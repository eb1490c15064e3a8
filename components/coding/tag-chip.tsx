import type { ReactNode } from "react";

/** A codebook tag as a chip: its colour as a dot beside the name, so the colour is never the only cue. */
export function TagChip({ tag, children }: { tag: { name: string; color: string }; children?: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 text-xs font-medium" data-testid="tag-chip">
      <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: /^#[0-9a-f]{6}$/i.test(tag.color) ? tag.color : "#64748b" }} />
      {tag.name}
      {children}
    </span>
  );
}
