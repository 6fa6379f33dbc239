import type { z } from "zod";
import type { ErrorDetail } from "../api-error";

/** A zod error as the contract's `details`: one `{path, message}` per problem (the API and the desk form share it). */
export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue): ErrorDetail[] => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "invalid_union") {
      // "One value or a list": name the problem of the branch the value had the type of ("must be one of …"),
      // the one that got furthest into it (a list's bad item), not "Invalid input".
      const depth = (branch: readonly { path: readonly PropertyKey[] }[]) => Math.max(...branch.map((i) => i.path.length));
      const fitting = issue.errors
        .filter((branch) => branch.length > 0 && !branch.every((i) => i.code === "invalid_type" && i.path.length === 0))
        .sort((a, b) => depth(b) - depth(a))[0];
      if (fitting) return fitting.map((inner) => ({ path: [...issue.path, ...inner.path].map(String).join("."), message: inner.message }));
    }
    if (issue.code === "unrecognized_keys") {
      return [{ path, message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}` }];
    }
    return [{ path, message: issue.message }];
  });
}
