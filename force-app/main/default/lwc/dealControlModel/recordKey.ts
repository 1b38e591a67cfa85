const EIGHTEEN_CHARACTER_ID = /^[a-zA-Z0-9]{18}$/;

/**
 * The key under which a record Id is matched: the 15-character, case-sensitive form. The API
 * gives 18-character Ids, but reports and spreadsheets often carry the 15-character ones, and a
 * link must still find its people. Anything that is not an 18-character Id is its own key.
 */
export function recordKey(id: string): string {
    return EIGHTEEN_CHARACTER_ID.test(id) ? id.slice(0, 15) : id;
}
