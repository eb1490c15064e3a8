"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const isActive = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={isActive ? "page" : undefined} className={cn("block min-h-10 rounded-md px-3 py-2 text-sm whitespace-nowrap", isActive ? "bg-accent font-semibold text-primary" : "text-muted hover:bg-accent hover:text-fg")}>
      {children}
    </Link>
  );
}
