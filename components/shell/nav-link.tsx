"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** `isExact` for a section that has a sub-section of its own in the menu, so only one item is current. */
export function NavLink({ href, isExact = false, children }: { href: string; isExact?: boolean; children: React.ReactNode }) {
  const pathname = usePathname();
  const isActive = pathname === href || (!isExact && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} aria-current={isActive ? "page" : undefined} className={cn("block min-h-10 rounded-md px-3 py-2 text-sm whitespace-nowrap", isActive ? "bg-accent font-semibold text-primary" : "text-muted hover:bg-accent hover:text-fg")}>
      {children}
    </Link>
  );
}
