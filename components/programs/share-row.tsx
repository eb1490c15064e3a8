import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/**
 * One attribute value of a council's composition or a panel's quotas: its share as a bar, the
 * target as a marker, and a warning badge when the value is under-represented.
 */
export function ShareRow({ testId, label, detail, actualShare, targetShare, isGap, gapLabel, targetTitle }: { testId: string; label: string; detail: React.ReactNode; actualShare: number; targetShare: number | null; isGap: boolean; gapLabel: string; targetTitle?: string }) {
  return (
    <li data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums">
          {detail}
          {isGap && (
            <span className="ml-2">
              <Badge tone="warning">{gapLabel}</Badge>
            </span>
          )}
        </span>
      </div>
      <div className="relative mt-1 h-3 rounded-full bg-accent" aria-hidden="true">
        <div className={cn("h-3 rounded-full", isGap ? "bg-warning" : "bg-primary")} style={{ width: `${Math.min(100, actualShare)}%` }} />
        {targetShare !== null && <div className="absolute top-[-3px] h-[18px] w-0.5 bg-fg" style={{ left: `${Math.min(100, targetShare)}%` }} title={targetTitle} />}
      </div>
    </li>
  );
}
