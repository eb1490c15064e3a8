import { ClientMessages } from "@/components/i18n/client-messages";

/** Every translation for these pages' client components (see lib/i18n/client-namespaces.ts). */
export default function AllMessagesLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
