import * as fs from 'node:fs';
import { wsdlPath } from './repo';
import { MetadataSchema, loadSchema } from './wsdlSchema';

let cached: MetadataSchema | null | undefined;

/**
 * The Metadata API schema, or null (with one clear console message) when the WSDL is not beside
 * the repository. CI has it; the tests that need it skip their assertions without it.
 */
export function metadataSchema(): MetadataSchema | null {
    if (cached !== undefined) return cached;
    if (!fs.existsSync(wsdlPath)) {
        console.warn(
            `SKIPPED schema checks: ${wsdlPath} not found. Put Salesforce's Metadata API WSDL (v66) there ` +
                'to validate every *-meta.xml against it.'
        );
        cached = null;
    } else {
        cached = loadSchema(fs.readFileSync(wsdlPath, 'utf8'));
    }
    return cached;
}
