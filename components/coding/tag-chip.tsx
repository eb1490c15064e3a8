/** A codebook tag as a chip: its colour as a dot beside the name, so the colour is never the only cue. */
export function TagChip({ tag }: { tag: { name: string; color: string } }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-border bg-surface px-2.5 py-0.5 text-sm">
      <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: /^#[0-9a-f]{6}$/i.test(tag.color) ? tag.color : "#64748b" }} />
      {tag.name}
    </span>
  );
}
