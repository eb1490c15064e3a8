import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";

/** Starts a lean page's component (components/lean/lean-document.tsx) with the props the server wrote into the page. */
export function startLeanPage<P>(render: (props: P) => ReactNode) {
  const container = document.getElementById("lean-root");
  const props = document.getElementById("lean-props");
  if (container && props) createRoot(container).render(render(JSON.parse(props.textContent ?? "{}") as P));
}
