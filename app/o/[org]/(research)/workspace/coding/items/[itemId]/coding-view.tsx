"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { filterQuery, type FilterValues } from "@/components/coding/filter-query";
import { ItemMeta } from "@/components/coding/item-meta";
import { TagChip } from "@/components/coding/tag-chip";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import type { MemberAttributes } from "@/db/schema";
import type { ActionState } from "@/lib/http/action-state";
import { applyTagAction, createHighlightAction, decideSentimentAction, decideSuggestionAction, markCodedAction, removeHighlightAction, removeTagAction } from "../../actions";
import { HighlightedText, selectionOffsets } from "./highlighted-text";
import { ShortcutHelp } from "./shortcut-help";

type Tag = { id: string; name: string; color: string; description?: string };
type Highlight = { id: string; start: number; end: number; isMine: boolean; tags: Tag[] };
type Suggestion = { id: string; tag: Tag; score: number };
interface Item {
  id: string; source: string; text: string; programName: string | null; saidAt: Date; attributes: MemberAttributes; language: string | null;
  sentiment: "positive" | "neutral" | "negative" | null; sentimentScore: number | null; sentimentStatus: "open" | "accepted" | "dismissed" | null; keyPhrases: string[]; isCodedByMe: boolean;
}

/** Suggestions that a/d act on: the open sentiment reading first, then suggested tags. */
type Decidable = { kind: "sentiment" } | { kind: "tag"; suggestion: Suggestion };

function isTyping(target: EventTarget | null) {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)));
}

export function CodingView({ orgId, slug, filters, item, highlights, suggestions, tags, previousId, nextId }: {
  orgId: string; slug: string; filters: FilterValues; item: Item; highlights: Highlight[]; suggestions: Suggestion[]; tags: Tag[]; previousId: string | null; nextId: string | null;
}) {
  const t = useTranslations("coding");
  const te = useTranslations("errors");
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const helpRef = useRef<HTMLDialogElement>(null);
  const [isPending, startTransition] = useTransition();
  const [status, setStatus] = useState("");
  const decidable: Decidable[] = [...(item.sentiment && item.sentimentStatus === "open" ? [{ kind: "sentiment" as const }] : []), ...suggestions.map((suggestion) => ({ kind: "tag" as const, suggestion }))];
  const [focusedIndex, setFocusedIndex] = useState(0);
  const focused = decidable[Math.min(focusedIndex, decidable.length - 1)];
  const base = `/o/${slug}/workspace/coding`;
  const itemHref = (id: string) => `${base}/items/${id}${filterQuery(filters)}`;

  const errorText = useCallback((key: string) => (t.has(`errors.${key}`) ? t(`errors.${key}`) : te(key)), [t, te]);
  const perform = useCallback(
    (work: () => Promise<ActionState>, done: string) => {
      startTransition(async () => {
        const result = await work();
        if (result.status === "error") setStatus(errorText(result.fieldErrors ? Object.values(result.fieldErrors)[0] : result.error));
        else {
          setStatus(done);
          router.refresh();
        }
      });
    },
    [errorText, router],
  );

  const applyTagToSelection = useCallback(
    (tag: Tag) => {
      const range = textRef.current ? selectionOffsets(textRef.current) : null;
      const start = range?.start ?? 0;
      const end = range?.end ?? item.text.length;
      window.getSelection()?.removeAllRanges();
      perform(() => createHighlightAction({ orgId, itemId: item.id, start, end, tagIds: [tag.id] }), range ? t("appliedToSelection", { tag: tag.name }) : t("appliedToWhole", { tag: tag.name }));
    },
    [item.id, item.text.length, orgId, perform, t],
  );

  const decide = useCallback(
    (target: Decidable | undefined, decision: "accept" | "dismiss") => {
      if (!target) return;
      const done = decision === "accept" ? t("suggestionAccepted") : t("suggestionDismissed");
      if (target.kind === "sentiment") perform(() => decideSentimentAction({ orgId, itemId: item.id, decision }), done);
      else perform(() => decideSuggestionAction({ orgId, suggestionId: target.suggestion.id, decision }), done);
    },
    [item.id, orgId, perform, t],
  );

  const markCoded = useCallback(() => perform(() => markCodedAction({ orgId, itemId: item.id }), t("markedCoded")), [item.id, orgId, perform, t]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || helpRef.current?.open) return;
      const key = event.key;
      if (/^[1-9]$/.test(key)) {
        const tag = tags[Number(key) - 1];
        if (tag) applyTagToSelection(tag);
      } else if ((key === "j" || key === "n") && nextId) router.push(itemHref(nextId));
      else if ((key === "k" || key === "p") && previousId) router.push(itemHref(previousId));
      else if (key === "c") markCoded();
      else if (key === "a") decide(focused, "accept");
      else if (key === "d") decide(focused, "dismiss");
      else if (key === "?") helpRef.current?.showModal();
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const sentimentLabel = item.sentiment ? t(`sentiment.${item.sentiment}`) : "";
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        <nav aria-label={t("itemNavLabel")} className="flex flex-wrap items-center gap-2 text-sm">
          <Link href={`${base}${filterQuery(filters)}`} className="text-primary underline">{t("backToInbox")}</Link>
          <span className="grow" />
          {previousId ? <Link href={itemHref(previousId)} className="rounded-md border border-border px-3 py-1.5 text-primary" data-testid="previous-item">{t("previousItem")}</Link> : <span className="px-3 py-1.5 text-muted">{t("previousItem")}</span>}
          {nextId ? <Link href={itemHref(nextId)} className="rounded-md border border-border px-3 py-1.5 text-primary" data-testid="next-item">{t("nextItem")}</Link> : <span className="px-3 py-1.5 text-muted">{t("nextItem")}</span>}
          <Button variant="secondary" onClick={() => helpRef.current?.showModal()} aria-haspopup="dialog">{t("shortcutsButton")}</Button>
        </nav>
        <Card className="space-y-3">
          <ItemMeta source={item.source} programName={item.programName} saidAt={item.saidAt} attributes={item.attributes} language={item.language} />
          <HighlightedText ref={textRef} text={item.text} highlights={highlights} language={item.language} label={t("textLabel")} />
          <p className="text-sm text-muted">{t("selectHint")}</p>
          <div className="flex flex-wrap items-center gap-2">
            {item.isCodedByMe ? <Badge tone="success">{t("codedByYou")}</Badge> : <Button variant="secondary" onClick={markCoded} disabled={isPending}>{t("markCoded")} <kbd className="ml-1 text-xs text-muted">c</kbd></Button>}
          </div>
        </Card>
        <Card aria-labelledby="codebook-keys-title" className="space-y-2">
          <h2 id="codebook-keys-title" className="font-semibold">{t("applyTagTitle")}</h2>
          {tags.length === 0 ? (
            <p className="text-sm text-muted">{t.rich("noTagsYet", { link: (chunks) => <Link href={`${base}/codebook`} className="text-primary underline">{chunks}</Link> })}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {tags.map((tag, index) => (
                <li key={tag.id}>
                  <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => applyTagToSelection(tag)} disabled={isPending} title={tag.description || undefined} className="inline-flex items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm hover:bg-accent">
                    {index < 9 && <kbd className="rounded border border-border px-1 text-xs">{index + 1}</kbd>}
                    <span aria-hidden="true" className="inline-block size-3 rounded-full" style={{ backgroundColor: tag.color }} />
                    {tag.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="highlights-title" className="space-y-2">
          <h2 id="highlights-title" className="font-semibold">{t("highlightsTitle")}</h2>
          {highlights.length === 0 ? (
            <p className="text-sm text-muted">{t("noHighlights")}</p>
          ) : (
            <ul className="divide-y divide-border" data-testid="highlights">
              {highlights.map((highlight) => (
                <HighlightRow key={highlight.id} highlight={highlight} text={item.text} tags={tags} isPending={isPending}
                  onAddTag={(tagId) => perform(() => applyTagAction({ orgId, highlightId: highlight.id, tagId }), t("tagAdded"))}
                  onRemoveTag={(tag) => perform(() => removeTagAction({ orgId, highlightId: highlight.id, tagId: tag.id }), t("tagRemoved", { tag: tag.name }))}
                  onDelete={() => perform(() => removeHighlightAction({ orgId, highlightId: highlight.id }), t("highlightDeleted"))} />
              ))}
            </ul>
          )}
        </Card>
      </div>
      <aside aria-labelledby="suggestions-title" className="space-y-4">
        <Card className="space-y-3">
          <h2 id="suggestions-title" className="font-semibold">{t("suggestionsTitle")}</h2>
          <p className="text-sm text-muted">{t("suggestionsNote")}</p>
          {item.sentiment && (
            <div role="group" aria-label={t("sentimentSuggestionLabel")} tabIndex={item.sentimentStatus === "open" ? 0 : -1} onFocus={() => setFocusedIndex(0)} data-focused={focused?.kind === "sentiment" || undefined} className="space-y-2 rounded-md border border-border p-3 outline-offset-2 data-[focused]:border-primary">
              <p className="text-sm"><Badge>{t("suggestedBadge")}</Badge> {t("sentimentLine", { sentiment: sentimentLabel })}</p>
              {item.sentimentStatus === "open" ? (
                <div className="flex gap-2">
                  <Button variant="secondary" onClick={() => decide({ kind: "sentiment" }, "accept")} disabled={isPending}>{t("accept")}</Button>
                  <Button variant="secondary" onClick={() => decide({ kind: "sentiment" }, "dismiss")} disabled={isPending}>{t("dismiss")}</Button>
                </div>
              ) : (
                <p className="text-sm text-muted">{item.sentimentStatus === "accepted" ? t("sentimentWasAccepted") : t("sentimentWasDismissed")}</p>
              )}
            </div>
          )}
          {item.keyPhrases.length > 0 && (
            <div className="text-sm">
              <h3 className="font-medium"><Badge>{t("suggestedBadge")}</Badge> {t("keyPhrasesTitle")}</h3>
              <ul className="mt-1 flex flex-wrap gap-1">{item.keyPhrases.map((phrase) => <li key={phrase} className="rounded bg-accent px-2 py-0.5">{phrase}</li>)}</ul>
            </div>
          )}
          <div className="space-y-2">
            <h3 className="text-sm font-medium">{t("suggestedTagsTitle")}</h3>
            {suggestions.length === 0 ? (
              <p className="text-sm text-muted">{t("noSuggestedTags")}</p>
            ) : (
              <ul className="space-y-2" data-testid="tag-suggestions">
                {suggestions.map((suggestion) => {
                  const index = decidable.findIndex((entry) => entry.kind === "tag" && entry.suggestion.id === suggestion.id);
                  const isFocused = focused?.kind === "tag" && focused.suggestion.id === suggestion.id;
                  return (
                    <li key={suggestion.id}>
                      <div role="group" aria-label={t("tagSuggestionLabel", { tag: suggestion.tag.name })} tabIndex={0} onFocus={() => setFocusedIndex(index)} data-focused={isFocused || undefined} data-testid="tag-suggestion" className="space-y-2 rounded-md border border-border p-3 data-[focused]:border-primary">
                      <p className="flex flex-wrap items-center gap-2 text-sm"><Badge>{t("suggestedBadge")}</Badge><TagChip tag={suggestion.tag} /><span className="text-muted">{t("similarity", { score: Math.round(suggestion.score * 100) })}</span></p>
                      <div className="flex gap-2">
                        <Button variant="secondary" onClick={() => decide({ kind: "tag", suggestion }, "accept")} disabled={isPending}>{t("accept")}</Button>
                        <Button variant="secondary" onClick={() => decide({ kind: "tag", suggestion }, "dismiss")} disabled={isPending}>{t("dismiss")}</Button>
                      </div>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </Card>
        <p className="text-sm text-muted">{t("shortcutsHint")}</p>
      </aside>
      <div aria-live="polite" role="status" className="sr-only lg:not-sr-only lg:col-span-2 lg:text-sm lg:text-muted" data-testid="coding-status">{status}</div>
      <ShortcutHelp ref={helpRef} />
    </div>
  );
}

function HighlightRow({ highlight, text, tags, isPending, onAddTag, onRemoveTag, onDelete }: { highlight: Highlight; text: string; tags: Tag[]; isPending: boolean; onAddTag: (tagId: string) => void; onRemoveTag: (tag: Tag) => void; onDelete: () => void }) {
  const t = useTranslations("coding");
  const missing = tags.filter((tag) => !highlight.tags.some((applied) => applied.id === tag.id));
  return (
    <li id={`highlight-${highlight.id}`} className="space-y-2 py-3" data-testid="highlight">
      <blockquote className="border-l-4 border-border pl-3 text-sm" data-user-content>{text.slice(highlight.start, highlight.end)}</blockquote>
      <div className="flex flex-wrap items-center gap-2">
        {highlight.tags.map((tag) => (
          <TagChip key={tag.id} tag={tag}>
            {highlight.isMine && (
              <button type="button" onClick={() => onRemoveTag(tag)} disabled={isPending} aria-label={t("removeTag", { tag: tag.name })} className="ml-1 rounded px-1 text-muted hover:text-danger">×</button>
            )}
          </TagChip>
        ))}
        {!highlight.isMine && <span className="text-xs text-muted">{t("anotherCoder")}</span>}
        {highlight.isMine && missing.length > 0 && (
          <select aria-label={t("addTagLabel")} value="" disabled={isPending} onChange={(event) => event.target.value && onAddTag(event.target.value)} className="rounded-md border border-border bg-surface px-2 py-1 text-sm">
            <option value="">{t("addTagPlaceholder")}</option>
            {missing.map((tag) => <option key={tag.id} value={tag.id}>{tag.name}</option>)}
          </select>
        )}
        {highlight.isMine && <Button variant="ghost" onClick={onDelete} disabled={isPending} className="ml-auto text-sm">{t("deleteHighlight")}</Button>}
      </div>
    </li>
  );
}
