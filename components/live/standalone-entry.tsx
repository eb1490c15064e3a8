// A participant's live session page, its own bundle (built by scripts/build-server.mjs): the page
// served by the lean server (server/lean-pages.tsx) starts the view with React alone, without the
// Next runtime.
import { IntlProvider, type AbstractIntlMessages } from "use-intl";
import { startLeanPage } from "@/components/lean/start-lean-page";
import { ParticipantView, type ParticipantViewProps } from "./participant-view";

startLeanPage(({ messages, ...view }: ParticipantViewProps & { messages: AbstractIntlMessages }) => (
  <IntlProvider locale={view.locale} messages={messages} timeZone="UTC">
    <ParticipantView {...view} />
  </IntlProvider>
));
