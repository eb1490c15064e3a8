"use client";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { LivePost } from "@/lib/live/events";

export type PostChange = "hide" | "show" | "highlight" | "unhighlight";

/**
 * The session's discussion, oldest first; new posts are announced politely. Posts are plain text
 * (React escapes them). With `onModerate` (moderators), each post has its hide/show and highlight controls.
 */
export function LiveThread({ posts, onModerate, busyPostId, children }: { posts: LivePost[]; onModerate?: (postId: string, change: PostChange) => void; busyPostId?: string | null; children?: React.ReactNode }) {
  const t = useTranslations("live.thread");
  const format = useFormatter();
  return (
    <section aria-labelledby="live-thread-title" className="space-y-3">
      <h2 id="live-thread-title" className="text-lg font-semibold">{t("title")}</h2>
      {posts.length === 0 && <p className="text-sm text-muted">{t("empty")}</p>}
      <ol className="space-y-2" aria-live="polite" aria-relevant="additions" data-testid="live-thread">
        {posts.map((post) => (
          <li
            key={post.postId}
            data-testid="live-post"
            data-hidden={post.hidden ? "true" : undefined}
            data-highlighted={post.highlighted ? "true" : undefined}
            className={cn("rounded-md border px-3 py-2", post.highlighted ? "border-primary bg-accent" : "border-border", post.hidden && "border-dashed bg-bg")}
          >
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <span>{post.author?.name ?? t("anonymous")}</span>
              <time dateTime={post.createdAt}>{format.dateTime(new Date(post.createdAt), { timeStyle: "short", timeZone: "UTC" })}</time>
              {post.highlighted && <Badge tone="success">{t("highlighted")}</Badge>}
              {post.hidden && <Badge tone="warning">{t("hidden")}</Badge>}
            </div>
            <p className={cn("mt-1 text-base break-words whitespace-pre-line", post.hidden && "text-muted")}>{post.body}</p>
            {onModerate && (
              <div className="mt-2 flex flex-wrap gap-2">
                <Button variant="secondary" className="min-h-9 px-3 py-1" disabled={busyPostId === post.postId} onClick={() => onModerate(post.postId, post.hidden ? "show" : "hide")}>
                  {post.hidden ? t("show") : t("hide")}
                </Button>
                {!post.hidden && (
                  <Button variant="secondary" className="min-h-9 px-3 py-1" disabled={busyPostId === post.postId} aria-pressed={post.highlighted} onClick={() => onModerate(post.postId, post.highlighted ? "unhighlight" : "highlight")}>
                    {post.highlighted ? t("unhighlight") : t("highlight")}
                  </Button>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}
