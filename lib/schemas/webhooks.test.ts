import { describe, expect, it } from "vitest";
import { createWebhookSchema } from "./webhooks";
import { zodDetails } from "./zod-details";

const parse = (filter: unknown) => {
  const result = createWebhookSchema.safeParse({ url: "https://hooks.example.org/desk", secret: "0123456789abcdef", filter });
  return result.success ? { filter: result.data.filter } : { errors: zodDetails(result.error) };
};

describe("createWebhookSchema", () => {
  it("takes one value or a list for each filter, stored as a list", () => {
    expect(parse({ region: "homs", type: ["strike", "control_change"] })).toEqual({ filter: { region: ["homs"], type: ["strike", "control_change"] } });
  });

  it("names the bad value, in a list too, not 'Invalid input'", () => {
    expect(parse({ type: "parade" })).toEqual({ errors: [{ path: "filter.type", message: expect.stringMatching(/^must be one of control_change/) }] });
    expect(parse({ type: ["strike", "parade"] })).toEqual({ errors: [{ path: "filter.type.1", message: expect.stringMatching(/^must be one of/) }] });
    expect(parse({ region: 7 })).toEqual({ errors: [{ path: "filter.region", message: "must be a value or a list of values" }] });
    expect(parse({ region: [] })).toEqual({ errors: [{ path: "filter.region", message: "must name at least one" }] });
    expect(parse({ colour: "red" })).toEqual({ errors: [{ path: "filter", message: "unknown field 'colour'" }] });
  });

  it("refuses URLs that are not http(s) or carry credentials", () => {
    for (const url of ["ftp://example.org/x", "javascript:alert(1)", "https://user:pass@example.org/x", "not a url"]) {
      expect(createWebhookSchema.safeParse({ url, secret: "0123456789abcdef" }).success, url).toBe(false);
    }
  });
});
