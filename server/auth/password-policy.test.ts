import { describe, expect, it } from "vitest";
import { changePasswordSchema, createUserSchema, updateUserSchema } from "../../lib/schemas/users";
import { passwordProblem, withPasswordPolicy } from "./password-policy";

describe("password policy", () => {
  it.each(["1234567890", "qwertyuiop", "password1234", "          ", "aaaaaaaaaaaa", "abcdefghijk"])("refuses the commonly used %j", (password) => {
    expect(passwordProblem(password)).toMatch(/: choose a longer phrase of unrelated words$/);
  });

  it.each(["a long first password", "correct horse battery staple", "Spring2026!-tulips"])("accepts %j", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("reports the policy beside every other problem of the request, at once", () => {
    const result = withPasswordPolicy(createUserSchema).safeParse({ email: "not an email", name: "", password: "1234567890", role: "boss" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["email", "name", "password", "role"]);
  });

  it("applies to optional passwords only when given, and to the field named", () => {
    expect(withPasswordPolicy(updateUserSchema).safeParse({ role: "editor" }).success).toBe(true);
    expect(withPasswordPolicy(updateUserSchema).safeParse({ password: "qwertyuiop" }).success).toBe(false);
    expect(withPasswordPolicy(changePasswordSchema, "newPassword").safeParse({ currentPassword: "x", newPassword: "1234567890" }).success).toBe(false);
    expect(
      withPasswordPolicy(changePasswordSchema, "newPassword").safeParse({ currentPassword: "1234567890", newPassword: "a long first password" }).success,
    ).toBe(true);
  });
});
