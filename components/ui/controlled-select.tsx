"use client";
import { useEffect, useRef, type SelectHTMLAttributes } from "react";

/**
 * A select whose value React controls. React resets a form once its action has answered; the
 * browser then puts every select back on its first option while the component's state stays put,
 * so the value shown and the value sent would part. This puts the controlled value back.
 */
export function ControlledSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  const ref = useRef<HTMLSelectElement>(null);
  const { value } = props;
  useEffect(() => {
    const form = ref.current?.form;
    if (!form || value === undefined) return;
    // The reset event fires before the reset itself: restore once it has happened.
    const restore = () => setTimeout(() => {
      if (ref.current) ref.current.value = String(value);
    });
    form.addEventListener("reset", restore);
    return () => form.removeEventListener("reset", restore);
  }, [value]);
  return <select ref={ref} {...props} />;
}
