import { describe, expect, it } from "vitest";
import { embedTarget } from "./embed-target";

const target = (url: string) => embedTarget(new URL(url, "https://desk.example"));

describe("embedTarget", () => {
  it("reads the situation and the view of the desk's pages and embeds", () => {
    expect(target("/")).toEqual({ slug: undefined, params: {} });
    expect(target("/s/ukraine")).toEqual({ slug: "ukraine", params: {} });
    expect(target("/s/ukraine/wall?region=donetsk&t=2024-01-01T00:00:00Z")).toEqual({ slug: "ukraine", params: { region: "donetsk" } });
    expect(target("/s/syria?t=2024-12-07T12:00:00Z&lang=nl")).toEqual({ slug: "syria", params: { at: "2024-12-07T12:00:00Z", lang: "nl" } });
    expect(target("/analyst")).toEqual({ slug: undefined, params: {} });
    expect(target("/embed/s/syria?view=control&theme=dark&token=secret")).toEqual({ slug: "syria", params: { view: "control", theme: "dark" } });
  });

  it("knows no other path", () => {
    for (const path of ["/desk", "/api/feed", "/s", "/s/syria/desk", "/embed/syria", "/embed/s/syria/extra", "/setup"]) expect(target(path), path).toBeNull();
  });
});
