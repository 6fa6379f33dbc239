import type { ComponentProps } from "react";

/** The id of each page's <main>: the skip link's target. */
export const MAIN_ID = "main";

/** A page's main content: the skip link's target, focusable from script (tabIndex -1) so focus can land on it. */
export function Main(props: ComponentProps<"main">) {
  return <main id={MAIN_ID} tabIndex={-1} {...props} />;
}
