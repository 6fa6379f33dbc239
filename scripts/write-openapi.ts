/**
 * Writes the OpenAPI document the server serves at /api/openapi.json to a file (default: stdout), for
 * `npm run lint:openapi` and outside tools. Needs no database: the document is built from code.
 */
import fs from "node:fs";
import { openApiDocument } from "../server/openapi/document";

const target = process.argv[2];
const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
if (target) fs.writeFileSync(target, text);
else process.stdout.write(text);
