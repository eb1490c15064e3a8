"use client";
import { Button } from "./button";

/** Opens the browser's print dialog (which also saves as PDF); never printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <span className="print:hidden">
      <Button type="button" onClick={() => window.print()}>{label}</Button>
    </span>
  );
}
