import fs from "node:fs";

/** Fails early, with the fix, when the browser is missing. */
export default function globalSetup(): void {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}. Install Debian's: sudo apt-get install -y chromium (or set CHROMIUM_PATH to another Chromium).`);
  }
}
