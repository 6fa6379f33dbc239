/**
 * The theme's storage key and the script that applies a stored choice before the first paint. Kept out of
 * theme.tsx: the root layout (a server component) inlines the script, and a string exported by a
 * "use client" module reaches a server component as a client reference, not as the string (the layout
 * once wrote the text of a function that throws, so a stored choice was never applied on load).
 */
export const THEME_STORAGE_KEY = "sd-theme";

/** Runs before the first paint (inline in <head>) so a stored choice never flashes the other theme. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}`;
