import { startTransition, type ReactNode } from "react";
import { createRoot } from "react-dom/client";

/** Starts a lean page's component (components/lean/lean-document.tsx) with the props the server wrote into the page. */
export function startLeanPage<P>(render: (props: P) => ReactNode) {
  const container = document.getElementById("lean-root");
  const props = document.getElementById("lean-props");
  if (!container || !props) return;
  const root = createRoot(container);
  // As a transition React renders in slices, so a slow phone's main thread is never held by one long task.
  startTransition(() => root.render(render(JSON.parse(props.textContent ?? "{}") as P)));
}
