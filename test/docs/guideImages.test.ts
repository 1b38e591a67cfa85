// The guides' pictures: every picture a guide shows exists, every picture in docs/images is shown
// by a guide (npm run screenshots writes only those), and each is cropped to the component at the
// width its name gives (840 px record page column, 390 px phone).
import * as fs from 'node:fs';
import * as path from 'node:path';

const docsDir = path.resolve(__dirname, '../../docs');
const imagesDir = path.join(docsDir, 'images');
const guides = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md'));
const shown = new Set(
    guides.flatMap((guide) =>
        Array.from(fs.readFileSync(path.join(docsDir, guide), 'utf8').matchAll(/\]\(images\/([^)]+)\)/g)).map(
            (m) => m[1]
        )
    )
);
const pictures = fs.readdirSync(imagesDir);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
    const header = fs.readFileSync(file).subarray(0, 24);
    expect(header.subarray(1, 4).toString('latin1')).toBe('PNG');
    return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

describe('the pictures in the guides', () => {
    it('are all there, and all shown', () => {
        expect(shown.size).toBeGreaterThanOrEqual(16);
        expect([...shown].filter((name) => !pictures.includes(name))).toEqual([]);
        expect(pictures.filter((name) => !shown.has(name))).toEqual([]);
    });

    it.each(pictures)('%s is a PNG of the component at the width in its name', (name) => {
        const match = /^[a-z-]+-(en|zh)-(840|390)\.png$/.exec(name);
        expect(match).not.toBeNull();
        const { width, height } = pngSize(path.join(imagesDir, name));
        expect(width).toBe(Number(match![2]));
        expect(height).toBeGreaterThan(200);
        expect(height).toBeLessThanOrEqual(1600);
        // Small enough to keep in git.
        expect(fs.statSync(path.join(imagesDir, name)).size).toBeLessThan(200 * 1024);
    });
});
