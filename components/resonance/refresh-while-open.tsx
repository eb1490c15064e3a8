"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const REFRESH_MS = 5000;

/** Re-renders the page from the server every few seconds while a test is open, so new answers show up. */
export function RefreshWhileOpen({ isOpen }: { isOpen: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!isOpen) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [isOpen, router]);
  return null;
}
