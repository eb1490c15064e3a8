import Link from "next/link";
import { buttonClasses, type ButtonVariant } from "./button";

// Apart from button.tsx, so that what imports only buttons (the respondent form's own bundle) never loads the Next router.
export function ButtonLink({ href, variant = "primary", className, children }: { href: string; variant?: ButtonVariant; className?: string; children: React.ReactNode }) {
  return (
    <Link href={href} className={buttonClasses(variant, className)}>
      {children}
    </Link>
  );
}
