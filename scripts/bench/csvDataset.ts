import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { PICKLIST_VALUES, STAKEHOLDER_INPUT_FIELDS, SCORECARD_INPUT_FIELDS } from 'c/dealControlModel';
import { idSuffix } from '../rescore/soql';
import { seededRandom as random } from '../shared/seededRandom';

export function id(prefix: string, n: number): string {
    const id15 = prefix + String(n).padStart(12, '0');
    return id15 + idSuffix(id15);
}

export async function writeLines(
    file: string,
    header: string[],
    rows: (i: number) => string[],
    count: number
): Promise<void> {
    const out = createWriteStream(file);
    out.write(`${header.join(',')}\n`);
    let chunk = '';
    for (let i = 0; i < count; i += 1) {
        chunk += `${rows(i).join(',')}\n`;
        if (chunk.length > 1 << 16) {
            if (!out.write(chunk)) await once(out, 'drain');
            chunk = '';
        }
    }
    out.end(chunk);
    await once(out, 'finish');
}

/**
 * Writes CSV exports like `sf data export bulk` makes them: Opportunity-less scorecards are not
 * generated; inputs are random model values (15 % blank), derived fields blank, so every record
 * is a change and the output files get their full size.
 */
export async function writeCsvDataset(dir: string, scorecards: number, perScorecard: number): Promise<void> {
    const rng = random(42);
    const pick = (object: string, field: string): string => {
        const values = PICKLIST_VALUES[`${object}.${field}`];
        if (!values || rng() < 0.15) return '';
        return values[Math.floor(rng() * values.length)];
    };
    const saFields = ['Id', 'Name', 'Opportunity__c', ...STAKEHOLDER_INPUT_FIELDS];
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
                const value = pick('Stakeholder_Assessment__c', f);
                return value.includes(';') ? `"${value}"` : value;
            }),
        scorecards * perScorecard
    );
    const scFields = ['Id', 'Opportunity__c', ...SCORECARD_INPUT_FIELDS];
    await writeLines(
        path.join(dir, 'C139_Scorecard__c.csv'),
        scFields,
        (i) =>
            scFields.map((f) =>
                f === 'Id'
                    ? id('a02', i)
                    : f === 'Opportunity__c'
                      ? id('006', i)
                      : pick('C139_Scorecard__c', f)
            ),
        scorecards
    );
}
