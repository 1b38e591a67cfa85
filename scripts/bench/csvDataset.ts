import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { PICKLIST_VALUES, STAKEHOLDER_INPUT_FIELDS, SCORECARD_INPUT_FIELDS } from 'c/dealControlModel';
import { LINK_STRENGTHS, LINK_TYPES, share } from '../../test/fakeOrg/synthetic';
import { readFields } from '../rescore/derived';
import { idSuffix } from '../shared/recordId';
import { seededRandom as random } from '../shared/seededRandom';

export function id(prefix: string, n: number): string {
    const id15 = prefix + String(n).padStart(12, '0');
    return id15 + idSuffix(id15);
}

/** Streams CSV rows to a file after the header; returns how many rows it wrote. */
async function writeRows(file: string, header: readonly string[], rows: Iterable<string[]>): Promise<number> {
    const out = createWriteStream(file);
    out.write(`${header.join(',')}\n`);
    let chunk = '';
    let count = 0;
    for (const row of rows) {
        chunk += `${row.join(',')}\n`;
        count += 1;
        if (chunk.length > 1 << 16) {
            if (!out.write(chunk)) await once(out, 'drain');
            chunk = '';
        }
    }
    out.end(chunk);
    await once(out, 'finish');
    return count;
}

export async function writeLines(
    file: string,
    header: string[],
    rows: (i: number) => string[],
    count: number
): Promise<void> {
    await writeRows(
        file,
        header,
        (function* () {
            for (let i = 0; i < count; i += 1) yield rows(i);
        })()
    );
}

/**
 * Writes CSV exports like `sf data export bulk` makes them: Opportunity-less scorecards are not
 * generated; inputs are random model values (15 % blank), derived fields blank, so every record
 * is a change and the output files get their full size. With `linksPerScorecard` > 0, each deal
 * has 0 to twice that many links between its people (the fake org's mix of types and strengths,
 * one per pair at most), and three scorecards in ten name one of them as the coach.
 */
export async function writeCsvDataset(
    dir: string,
    scorecards: number,
    perScorecard: number,
    linksPerScorecard = 0
): Promise<number> {
    const rng = random(42);
    const pick = (object: string, field: string): string => {
        const values = PICKLIST_VALUES[`${object}.${field}`];
        if (!values || rng() < 0.15) return '';
        return values[Math.floor(rng() * values.length)];
    };
    // Every column an export has (the script requires them all); derived ones stay blank.
    const saFields = readFields('Stakeholder_Assessment__c');
    const saInputs = new Set(STAKEHOLDER_INPUT_FIELDS);
    await writeLines(
        path.join(dir, 'Stakeholder_Assessment__c.csv'),
        saFields,
        (i) =>
            saFields.map((f) => {
                if (f === 'Id') return id('a01', i);
                if (f === 'Name') return `Person ${i}`;
                if (f === 'Opportunity__c') return id('006', Math.floor(i / perScorecard));
                if (f === 'Top_Decision_Maker__c') return rng() < 0.2 ? 'true' : 'false';
                if (f === 'Decision_Body_Member__c') return rng() < 0.5 ? 'true' : 'false';
                if (!saInputs.has(f)) return '';
                const value = pick('Stakeholder_Assessment__c', f);
                return value.includes(';') ? `"${value}"` : value;
            }),
        scorecards * perScorecard
    );
    const scFields = readFields('C139_Scorecard__c');
    const scInputs = new Set(SCORECARD_INPUT_FIELDS);
    await writeLines(
        path.join(dir, 'C139_Scorecard__c.csv'),
        scFields,
        (i) =>
            scFields.map((f) =>
                f === 'Id'
                    ? id('a02', i)
                    : f === 'Opportunity__c'
                      ? id('006', i)
                      : f === 'Coach_Stakeholder__c'
                        ? linksPerScorecard > 0 && rng() < 0.3
                            ? id('a01', i * perScorecard + Math.floor(rng() * perScorecard))
                            : ''
                        : scInputs.has(f)
                          ? pick('C139_Scorecard__c', f)
                          : ''
            ),
        scorecards
    );
    if (linksPerScorecard === 0) return 0;
    return writeRows(
        path.join(dir, 'Stakeholder_Link__c.csv'),
        readFields('Stakeholder_Link__c'),
        linkRows(scorecards, perScorecard, linksPerScorecard)
    );
}

function* linkRows(scorecards: number, perScorecard: number, average: number): Generator<string[]> {
    const rng = random(43);
    const fields = readFields('Stakeholder_Link__c');
    const pairs: Array<[number, number]> = [];
    for (let a = 0; a < perScorecard; a++) for (let b = a + 1; b < perScorecard; b++) pairs.push([a, b]);
    let n = 0;
    for (let deal = 0; deal < scorecards; deal++) {
        const count = Math.min(pairs.length, Math.floor(rng() * (2 * average + 1)));
        const order = pairs.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
            const j = Math.floor(rng() * (i + 1));
            [order[i], order[j]] = [order[j], order[i]];
        }
        for (let nth = 0; nth < count; nth++) {
            const [a, b] = pairs[order[nth]];
            const [from, to] = rng() < 0.5 ? [a, b] : [b, a];
            const values: Record<string, string> = {
                Id: id('a03', n++),
                Opportunity__c: id('006', deal),
                From_Stakeholder__c: id('a01', deal * perScorecard + from),
                To_Stakeholder__c: id('a01', deal * perScorecard + to),
                Link_Type__c: share(LINK_TYPES, rng()),
                Strength__c: share(LINK_STRENGTHS, rng()) ?? ''
            };
            yield fields.map((f) => values[f]);
        }
    }
}
