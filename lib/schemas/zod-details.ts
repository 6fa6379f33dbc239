import type { z } from "zod";
import type { ErrorDetail } from "../api-error";

/** A zod error as the contract's `details`: one `{path, message}` per problem (the API and the desk form share it). */
export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return { path, message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}` };
    }
    return { path, message: issue.message };
  });
}
