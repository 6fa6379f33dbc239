import { describe, expect, it } from "vitest";
import { iframeCode } from "./iframe-code";

describe("iframeCode", () => {
  it("escapes the URL's ampersands and a title's quotes and brackets", () => {
    expect(iframeCode({ src: "https://d.example/embed/s/x?view=map&lang=nl", title: 'A "war" <now>', width: 800, height: 600 })).toBe(
      '<iframe src="https://d.example/embed/s/x?view=map&amp;lang=nl" title="A &quot;war&quot; &lt;now&gt;" width="800" height="600" style="border:0;width:100%;max-width:800px" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
  });
});
