/**
 * Salesforce record Ids: 3-character key prefix, 12 characters of base-62 payload, and a 3-character
 * case-safe suffix that makes the 18-character form unique even when compared case-insensitively.
 *
 * The fake encodes a per-object sequence number in the payload with a fixed width, so string order of
 * Ids equals creation order (digits < upper case < lower case in both ASCII and base 62), which is
 * what Salesforce's default Id order looks like to a client.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Pod and reserved characters of a real Id ("Fk0"): constant, they carry no meaning here. */
const INSTANCE = 'Fk0';
const SEQUENCE_WIDTH = 9;

export function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(chunk * 5 + i);
            if (c >= 65 && c <= 90) bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET[bits];
    }
    return suffix;
}

export function makeId(prefix: string, sequence: number): string {
    let payload = '';
    let n = sequence;
    for (let i = 0; i < SEQUENCE_WIDTH; i++) {
        payload = BASE62[n % 62] + payload;
        n = Math.floor(n / 62);
    }
    const id15 = prefix + INSTANCE + payload;
    return id15 + caseSafeSuffix(id15);
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/**
 * The 18-character form of a 15- or 18-character Id, or null when it is not Id-shaped. A wrong
 * suffix on an 18-character Id makes it invalid, as in Salesforce.
 */
export function to18(id: string): string | null {
    if (!ID_PATTERN.test(id)) return null;
    const id15 = id.slice(0, 15);
    const id18 = id15 + caseSafeSuffix(id15);
    if (id.length === 18 && id.slice(15).toUpperCase() !== id18.slice(15)) return null;
    return id18;
}

/** The sequence number encoded by makeId, or null for an Id this fake did not mint for the prefix. */
export function sequenceOf(id18: string, prefix: string): number | null {
    if (id18.length !== 18 || !id18.startsWith(prefix + INSTANCE)) return null;
    let n = 0;
    for (let i = 6; i < 15; i++) {
        const digit = BASE62.indexOf(id18[i]);
        if (digit < 0) return null;
        n = n * 62 + digit;
    }
    return n;
}
