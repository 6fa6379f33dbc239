import fs from "node:fs";
import { MAPLIBRE_VERSION } from "@/components/map/map-library-boot";
import { packageFile } from "@/server/package-file";

/**
 * The installed MapLibre as a script of its own (components/map/map-library-boot.ts): the package's own
 * file, read once. Cached for a year where the URL names the installed version (a new version is a new
 * URL), for a minute otherwise.
 */
let script: Buffer | undefined;

export function GET(request: Request): Response {
  script ??= fs.readFileSync(packageFile("maplibre-gl/dist/maplibre-gl.js"));
  const current = new URL(request.url).searchParams.get("v") === MAPLIBRE_VERSION;
  return new Response(new Uint8Array(script), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=60",
    },
  });
}
