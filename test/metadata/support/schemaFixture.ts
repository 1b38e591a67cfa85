import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './repo';
import { MetadataSchema, loadSchema } from './wsdlSchema';

/** Where the schema lives relative to a directory above the checkout (never copied into the repo). */
export const WSDL_RELATIVE = path.join('shared', 'salesforce', 'metadata-v66.wsdl');
/** An explicit location wins over the search, for machines with another layout. */
export const WSDL_ENV = 'DEAL_CONTROL_METADATA_WSDL';

/**
 * The Metadata API WSDL: $DEAL_CONTROL_METADATA_WSDL when set, otherwise the nearest
 * `shared/salesforce/metadata-v66.wsdl` beside the checkout or beside one of its parent folders
 * (a git worktree sits one level deeper than the main checkout). Throws, naming every place it
 * looked, when there is none: a schema check that cannot find its schema must fail, not pass.
 */
export function findWsdl(env: NodeJS.ProcessEnv = process.env, start: string = repoRoot): string {
    const explicit = env[WSDL_ENV];
    if (explicit) {
        if (fs.existsSync(explicit)) return explicit;
        throw new Error(
            `${WSDL_ENV}=${explicit}, but there is no file there. Point it at metadata-v66.wsdl.`
        );
    }
    const tried: string[] = [];
    for (let dir = path.dirname(start); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, WSDL_RELATIVE);
        tried.push(candidate);
        if (fs.existsSync(candidate)) return candidate;
        if (path.dirname(dir) === dir) break;
    }
    throw new Error(
        "Salesforce's Metadata API WSDL (v66) was not found, so the schema checks cannot run. Looked in: " +
            `${tried.join(', ')}. Put it at ../${WSDL_RELATIVE.split(path.sep).join('/')} beside the ` +
            `checkout (see TOOLCHAIN.md), or set ${WSDL_ENV} to its path.`
    );
}

let cached: MetadataSchema | undefined;

/** The Metadata API schema, loaded once; throws with where it looked when the WSDL is missing. */
export function metadataSchema(): MetadataSchema {
    cached ??= loadSchema(fs.readFileSync(findWsdl(), 'utf8'));
    return cached;
}
