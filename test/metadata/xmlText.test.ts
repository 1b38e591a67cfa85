import * as fs from 'fs';
import * as path from 'path';

// Help texts, descriptions, messages and formulas are stored exactly as written in the XML:
// a formatter that re-flows them would ship line breaks and indentation into the org's labels.
const FORCE_APP = path.resolve(__dirname, '..', '..', 'force-app');

function metaFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return metaFiles(full);
        return entry.name.endsWith('-meta.xml') ? [full] : [];
    });
}

describe('text in metadata XML', () => {
    const files = metaFiles(FORCE_APP);

    it('finds the metadata files', () => {
        expect(files.length).toBeGreaterThan(50);
    });

    it('has no line breaks or padding inside any text value', () => {
        const padded: string[] = [];
        for (const file of files) {
            const xml = fs.readFileSync(file, 'utf8');
            for (const match of xml.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) {
                const text = match[2];
                if (/\n/.test(text) || text !== text.trim()) {
                    padded.push(`${path.relative(FORCE_APP, file)} <${match[1]}>`);
                }
            }
        }
        expect(padded).toEqual([]);
    });
});
