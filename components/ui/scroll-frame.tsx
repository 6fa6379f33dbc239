import type { ReactNode } from "react";

/**
 * A frame that scrolls its content (a long or wide table) rather than the page. Focusable and named, so
 * a keyboard can scroll it too (axe-core's scrollable-region-focusable).
 */
export function ScrollFrame({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-scroll ${className}` : "table-scroll"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
