// The respondent form's own bundle (built by scripts/build-server.mjs): the page served by the
// lean server (server/respond-page.tsx) starts the form with React alone, without the Next runtime.
import { createRoot } from "react-dom/client";
import { RespondForm, type RespondFormProps } from "./respond-form";

const container = document.getElementById("respond-root");
const props = document.getElementById("respond-props");
if (container && props) createRoot(container).render(<RespondForm {...(JSON.parse(props.textContent ?? "{}") as RespondFormProps)} />);
