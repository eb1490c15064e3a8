import { buttonClasses, type ButtonVariant } from "./button";

/**
 * The first of two deliberate steps (leave, withdraw): a button-like summary that opens the
 * confirming form below it in the page, and closes it again. A disclosure rather than React state,
 * so that both steps work on pages sent without JavaScript (server/script-free-pages.ts).
 */
export function ConfirmDisclosure({ label, variant, isOpen = false, children }: { label: string; variant: ButtonVariant; isOpen?: boolean; children: React.ReactNode }) {
  return (
    <details open={isOpen || undefined}>
      {/* Safari draws its own marker unless told not to. */}
      <summary className={buttonClasses(variant, "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>{label}</summary>
      {children}
    </details>
  );
}
