const ID_CHARS = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefixes of standard objects the scripts name in Ids (custom objects' prefixes differ per org). */
export const OPPORTUNITY_KEY_PREFIX = '006';

/** The 3-character case-safe suffix Salesforce appends to a 15-character Id. */
export function idSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk += 1) {
        let bits = 0;
        for (let i = 0; i < 5; i += 1) {
            const c = id15.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return suffix;
}

/**
 * The 18-character form of a record Id, or null when the text is not one: 15 or 18 letters and
 * digits, and an 18-character Id must carry the right checksum (a mistyped or truncated Id fails).
 */
export function normalizeRecordId(raw: string): string | null {
    const id = raw.trim();
    if (!ID_CHARS.test(id)) return null;
    const id15 = id.slice(0, 15);
    const expected = id15 + idSuffix(id15);
    return id.length === 18 && id !== expected ? null : expected;
}
