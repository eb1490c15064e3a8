"use client";
import type { Ref } from "react";

type Highlight = { id: string; start: number; end: number; tags: Array<{ name: string; color: string }> };

/**
 * The selection inside `container` as [start, end) offsets into its text. The container holds
 * only the item's text (marks add no characters), so counting characters up to the selection
 * gives the same UTF-16 offsets the server checks.
 */
export function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

/** The text cut at every highlight boundary; each piece inside a highlight is a <mark> in its tag's color. */
export function HighlightedText({ text, highlights, language, label, ref }: { text: string; highlights: Highlight[]; language: string | null; label: string; ref: Ref<HTMLDivElement> }) {
  const cuts = [...new Set([0, text.length, ...highlights.flatMap((h) => [h.start, h.end])])].filter((cut) => cut >= 0 && cut <= text.length).sort((a, b) => a - b);
  const pieces = cuts.slice(0, -1).map((start, index) => {
    const end = cuts[index + 1];
    const covering = highlights.filter((h) => h.start <= start && h.end >= end);
    return { start, end, covering };
  });
  return (
    <div ref={ref} id="coding-text" role="region" aria-label={label} lang={language ?? undefined} data-testid="coding-text" data-user-content className="whitespace-pre-wrap text-lg leading-relaxed">
      {pieces.map(({ start, end, covering }) => {
        const piece = text.slice(start, end);
        if (covering.length === 0) return piece;
        const tags = covering.flatMap((h) => h.tags);
        const color = tags[0]?.color ?? "#64748b";
        const names = [...new Set(tags.map((tag) => tag.name))].join(", ");
        return (
          <mark key={start} title={names} aria-describedby={covering.map((h) => `highlight-${h.id}`).join(" ")} data-tags={names} className="rounded-sm text-fg" style={{ backgroundColor: `${color}33`, boxShadow: `inset 0 -2px 0 ${color}` }}>
            {piece}
          </mark>
        );
      })}
    </div>
  );
}
