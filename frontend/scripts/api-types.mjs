// Turns the server's OpenAPI schema into src/api/schema.d.ts. Used by `npm run gen:api` (through
// `make ui-schema`) and by the test that fails when the committed types drift from the server.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import openapiTS, { astToString } from "openapi-typescript";

const HEADER = "// Generated from /api/schema/ by `make ui-schema`. Do not edit by hand.\n\n";

export const SCHEMA_JSON = fileURLToPath(new URL("../../var/openapi.json", import.meta.url));
export const TYPES_FILE = fileURLToPath(new URL("../src/api/schema.d.ts", import.meta.url));

/** The TypeScript declarations for the schema at `schemaPath`. */
export async function generateApiTypes(schemaPath = SCHEMA_JSON) {
  const schema = JSON.parse(await readFile(schemaPath, "utf8"));
  const ast = await openapiTS(schema, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(TYPES_FILE, await generateApiTypes(process.argv[2] ?? SCHEMA_JSON));
  console.log(`wrote ${TYPES_FILE}`);
}
