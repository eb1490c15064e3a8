// The respondent form's own bundle (built by scripts/build-server.mjs): the page served by the
// lean server (server/lean-pages.tsx) starts the form with React alone, without the Next runtime.
import { startLeanPage } from "@/components/lean/start-lean-page";
import { RespondForm, type RespondFormProps } from "./respond-form";

startLeanPage((props: RespondFormProps) => <RespondForm {...props} />);
