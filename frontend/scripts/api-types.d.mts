export const SCHEMA_JSON: string;
export const TYPES_FILE: string;
export function generateApiTypes(schemaPath?: string): Promise<string>;
