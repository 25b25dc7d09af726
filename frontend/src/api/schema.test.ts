// @vitest-environment node
// The committed API types must be what the server's schema produces now (`make ui-schema` dumps the
// schema to var/openapi.json first); regenerate them with `make ui-schema` when this fails.
import { existsSync, readFileSync } from "node:fs";

import { SCHEMA_JSON, TYPES_FILE, generateApiTypes } from "../../scripts/api-types.mjs";

describe("the generated API types", () => {
  it("match the schema the server serves now", async () => {
    expect(existsSync(SCHEMA_JSON), `${SCHEMA_JSON} is missing: run make ui-schema`).toBe(true);
    const fresh = await generateApiTypes();
    const committed = readFileSync(TYPES_FILE, "utf8");
    expect(committed === fresh, "src/api/schema.d.ts is stale: run make ui-schema").toBe(true);
  });
});
