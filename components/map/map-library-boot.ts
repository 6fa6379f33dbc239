/**
 * MapLibre as a script of its own, started as soon as the page's map is parsed (decision 0029): the map's
 * stage names the library's URL (`data-map-library`, set where the map is MapLibre's), and the script
 * below, inlined in `<head>` with the page's CSP nonce, adds a `<script async>` for it the moment that
 * element is parsed, before the page's bundles have run. On load it starts the library's worker
 * (`prewarm`) and resolves `window.__mapLibrary`; the map takes the library from there
 * (map-maplibre.tsx), or from the bundle where the script did not load (or where the page came by a
 * client-side navigation, whose boot script never ran). The library is evaluated at ~1.0 s instead of when
 * the page's bundle asks for it: on this 2-core machine without a GPU the embed's live map is on screen
 * ~0.35 s sooner, the dashboard's and the wall's within noise (decision 0029 has the figures).
 *
 * The file served is the installed package's own (`maplibre-gl/dist/maplibre-gl.js`, the one the bundle
 * would import), at a URL that names its version (app/vendor/maplibre-gl.js/route.ts). Kept out of any
 * "use client" module: the root layout inlines the string.
 */
import type maplibregl from "maplibre-gl";

/** The installed MapLibre's version, set at build time (next.config.js). */
export const MAPLIBRE_VERSION = process.env.NEXT_PUBLIC_MAPLIBRE_VERSION ?? "";
export const MAPLIBRE_SCRIPT_URL = `/vendor/maplibre-gl.js?v=${MAPLIBRE_VERSION}`;

declare global {
  interface Window {
    /** Set by MAP_LIBRARY_BOOT_SCRIPT: the library once its script has loaded, or null if it failed. */
    __mapLibrary?: Promise<typeof maplibregl | null>;
  }
}

export const MAP_LIBRARY_BOOT_SCRIPT = `(function(){if(typeof MutationObserver!=="function")return;function start(e){var s=document.createElement("script");s.src=e.getAttribute("data-map-library");s.async=true;window.__mapLibrary=new Promise(function(r){s.onload=function(){var m=window.maplibregl;try{m&&m.prewarm()}catch(x){}r(m&&m.Map?m:null)};s.onerror=function(){r(null)}});document.head.appendChild(s)}var o=new MutationObserver(function(){var e=document.querySelector("[data-map-library]");if(e){o.disconnect();start(e)}});o.observe(document,{childList:true,subtree:true});document.addEventListener("DOMContentLoaded",function(){o.disconnect()})})()`;
