/**
 * oEmbed and the embeds' framing rules (issue #17): the pages name their oEmbed URL, the answer is an
 * oEmbed 1.0 `rich` object whose iframe an HTML parser (Python's html.parser, as a CMS would) reads back
 * to the embed's URL, sizes follow maxwidth/maxheight, anything else is a clear 4xx; an embed may be
 * framed by any site, every other page by none.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./support/api";
import { startServer, type RunningServer } from "./support/server-process";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ env: { DEMO_DATA: "full" } });
});
afterAll(async () => server?.stop());

const oembedFor = async (pageUrl: string, extra = "") => call(server.url, "GET", `/api/oembed?url=${encodeURIComponent(pageUrl)}${extra}`);

/** The attributes of the first <iframe> in `html`, as Python's standard HTML parser reads them. */
function iframeAttributes(html: string): Record<string, string> {
  const script = `
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    found = None
    def handle_starttag(self, tag, attrs):
        if tag == "iframe" and self.found is None: self.found = dict(attrs)
p = P(); p.feed(sys.stdin.read()); print(json.dumps(p.found))`;
  return JSON.parse(execFileSync("python3", ["-c", script], { input: html, encoding: "utf8" })) as Record<string, string>;
}

/** The href of the page's oEmbed discovery link. */
async function discovery(path: string): Promise<string> {
  const html = await (await fetch(`${server.url}${path}`)).text();
  const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html);
  expect(link, path).not.toBeNull();
  return link![1]!.replace(/&amp;/g, "&");
}

describe("GET /api/oembed", () => {
  it("is found from the dashboards and the embeds, and answers the embed's iframe", async () => {
    for (const [path, src] of [
      ["/", "/embed/s/syria?lang=en"],
      ["/s/syria", "/embed/s/syria?lang=en"],
      ["/s/syria?t=2024-12-07T12:00:00Z", "/embed/s/syria?at=2024-12-07T12%3A00%3A00Z&lang=en"],
      ["/embed/s/syria?view=control&theme=dark&lang=nl", "/embed/s/syria?view=control&lang=nl&theme=dark"],
    ] as const) {
      const href = await discovery(path);
      expect(href.startsWith(`${server.url}/api/oembed?url=`), path).toBe(true);
      const answer = await fetch(href);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body, path).toMatchObject({ version: "1.0", type: "rich", provider_name: "Situation Desk", provider_url: server.url });
      const iframe = iframeAttributes(body.html as string);
      expect(iframe.src, path).toBe(`${server.url}${src}`);
      expect(iframe.title).toBe(body.title);
      expect(Number(iframe.width)).toBe(body.width);
      expect(Number(iframe.height)).toBe(body.height);
    }
  });

  it("sizes the view within maxwidth and maxheight; a past moment is cached longer; the feed has no thumbnail", async () => {
    const map = await oembedFor(`${server.url}/s/syria?t=2024-12-07T12:00:00Z`);
    expect(map.body).toMatchObject({ width: 800, height: 600, cache_age: 86400, title: "Syria: who holds what" });
    expect(map.body.thumbnail_url).toBe(`${server.url}/api/situations/syria/snapshot.png?at=2024-12-07T12%3A00%3A00Z&lang=en&width=800&height=600`);
    const small = await oembedFor(`${server.url}/s/syria`, "&maxwidth=300&maxheight=200");
    expect(small.body).toMatchObject({ width: 300, height: 200, cache_age: 60, thumbnail_width: 320, thumbnail_height: 240 });
    const feed = await oembedFor(`${server.url}/embed/s/syria?view=feed&lang=nl&region=aleppo`);
    expect(feed.body).toMatchObject({ width: 480, height: 640, title: "Syrië, Aleppo: laatste berichten" });
    expect(feed.body).not.toHaveProperty("thumbnail_url");
  });

  it("answers 404 for what is not an embeddable page here, and 400 for what is not a request", async () => {
    for (const url of [
      `http://elsewhere.example/s/syria`,
      `${server.url}/desk`,
      `${server.url}/api/feed`,
      `${server.url}/s/atlantis`,
      `${server.url}/embed/s/atlantis`,
    ]) {
      const answer = await oembedFor(url);
      expect(answer.status, url).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    }
    for (const query of [
      "",
      "?url=",
      "?url=not-a-url",
      "?url=ftp%3A%2F%2Fx%2F",
      `?url=${encodeURIComponent(server.url)}&maxwidth=-1`,
      `?url=${encodeURIComponent(server.url)}&maxheight=wide`,
      `?url=${encodeURIComponent(server.url)}&format=xml`,
    ]) {
      const answer = await call(server.url, "GET", `/api/oembed${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.code).toBe("invalid_request");
    }
  });
});

describe("framing", () => {
  it("lets any site frame an embed and no site frame another page", async () => {
    const embed = await fetch(`${server.url}/embed/s/syria?view=events`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-security-policy")).toMatch(/frame-ancestors \*(;|$)/);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(await embed.text()).toContain('data-testid="embed-text"');
    for (const path of ["/", "/s/syria", "/s/syria/wall", "/s/syria/analyst", "/desk"]) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(page.headers.get("x-frame-options"), path).toBe("DENY");
    }
    expect((await fetch(`${server.url}/embed/s/atlantis`)).status).toBe(404);
  });
});
