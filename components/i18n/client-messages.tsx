import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickNamespaces } from "@/lib/i18n/client-namespaces";

/** Gives the client components below the translations of `namespaces` (see lib/i18n/client-namespaces.ts), or all of them. */
export async function ClientMessages({ namespaces, children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  if (!namespaces) return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
  return <NextIntlClientProvider messages={pickNamespaces(await getMessages(), namespaces)}>{children}</NextIntlClientProvider>;
}
