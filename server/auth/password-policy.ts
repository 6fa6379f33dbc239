/**
 * Contract v2 "Accounts": passwords are at least PASSWORD_MIN characters and not among commonly used
 * passwords. "Commonly used" is judged by zxcvbn-ts with its common-password dictionary (the 30,000
 * most used passwords, keyboard walks, repeats and sequences): a password it estimates at fewer than a
 * million guesses (score 0 or 1, e.g. "1234567890", "qwertyuiop", ten spaces, "password1234") is refused.
 * Server only: the dictionary is large and stays out of the browser bundle.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import type { z } from "zod";
import { PASSWORD_MIN } from "../../lib/schemas/users";

/** zxcvbn's scale: 2 means at least 10^6 guesses. */
const MIN_SCORE = 2;

let checker: ZxcvbnFactory | undefined;

const REASONS: Record<string, string> = {
  topTen: "is one of the ten most used passwords",
  topHundred: "is one of the hundred most used passwords",
  common: "is a commonly used password",
  similarToCommon: "is too close to a commonly used password",
  simpleRepeat: "repeats the same characters",
  extendedRepeat: "repeats the same characters",
  sequences: "is an easy sequence",
  straightRow: "is a row of keys",
  keyPattern: "is a keyboard pattern",
  recentYears: "is mostly a recent year",
  dates: "is mostly a date",
};

/** Why a password is refused, or null when it is acceptable. `related`: the account's email and name. */
export function passwordProblem(password: string, related: string[] = []): string | null {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = checker.check(password, related.filter(Boolean));
  if (result.score >= MIN_SCORE) return null;
  return `${REASONS[result.feedback.warning ?? ""] ?? "is too easy to guess"}: choose a longer phrase of unrelated words`;
}

/** The object schema with its password field also checked against the policy (all problems reported at once). */
export function withPasswordPolicy<S extends z.ZodObject>(schema: S, field: string = "password"): S {
  const base = schema.shape[field] as z.ZodType<string | undefined>;
  const checked = base.superRefine((password, context) => {
    // A password already refused for its length is not judged again (one detail per problem).
    const problem = password === undefined || password.trim().length < PASSWORD_MIN ? null : passwordProblem(password);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
  // safeExtend: the schema may carry refinements of its own (updateUserSchema), which extend() refuses.
  return schema.safeExtend({ [field]: checked }) as unknown as S;
}
