import { cn } from "./cn";

export function Card({ className, children, ...props }: React.HTMLAttributes<HTMLElement>) {
  return (
    <section className={cn("rounded-lg border border-border bg-surface p-5 shadow-sm", className)} {...props}>
      {children}
    </section>
  );
}

export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "success" | "warning" | "danger"; children: React.ReactNode }) {
  const tones = {
    neutral: "bg-accent text-fg",
    success: "bg-success-bg text-success",
    warning: "bg-warning-bg text-warning",
    danger: "bg-danger-bg text-danger",
  };
  return <span className={cn("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium", tones[tone])}>{children}</span>;
}

export function Alert({ tone = "danger", children, id }: { tone?: "danger" | "success" | "warning"; children: React.ReactNode; id?: string }) {
  const tones = { danger: "border-danger bg-danger-bg text-danger", success: "border-success bg-success-bg text-success", warning: "border-warning bg-warning-bg text-warning" };
  return (
    <div id={id} role={tone === "danger" ? "alert" : "status"} className={cn("rounded-md border px-4 py-3 text-sm", tones[tone])}>
      {children}
    </div>
  );
}

/** What a screen shows before there is anything on it: what it will hold and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-border bg-surface px-6 py-10 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children && <div className="mx-auto mt-2 max-w-prose text-sm text-muted">{children}</div>}
      {action && <div className="mt-5 flex justify-center">{action}</div>}
    </div>
  );
}

/** A page's title block; `level` 2 for a page shown inside a parent's layout that already has the h1. */
export function PageHeader({ title, description, actions, level = 1 }: { title: string; description?: string; actions?: React.ReactNode; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <Heading className={level === 1 ? "text-2xl font-semibold tracking-tight" : "text-xl font-semibold tracking-tight"}>{title}</Heading>
        {description && <p className="mt-1 max-w-prose text-muted">{description}</p>}
      </div>
      {actions}
    </header>
  );
}
