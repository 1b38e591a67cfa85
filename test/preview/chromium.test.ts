// No browser is never a silent skip: the launcher fails and says how to get one.
import { BrowserMissingError, chromiumExecutable, HOW_TO_GET_A_BROWSER } from '../../preview/chromium';

describe('the browser of the browser tests', () => {
    const saved = process.env.CHROME_PATH;
    afterEach(() => {
        if (saved === undefined) delete process.env.CHROME_PATH;
        else process.env.CHROME_PATH = saved;
    });

    it('fails with how to get one when CHROME_PATH names no file', async () => {
        process.env.CHROME_PATH = '/nowhere/chromium';
        const failure = chromiumExecutable();
        await expect(failure).rejects.toBeInstanceOf(BrowserMissingError);
        await expect(chromiumExecutable()).rejects.toThrow('CHROME_PATH=/nowhere/chromium does not exist.');
        expect(HOW_TO_GET_A_BROWSER).toContain('npm ci');
        expect(HOW_TO_GET_A_BROWSER).toContain('CHROME_PATH');
    });

    it('uses CHROME_PATH when it names a file', async () => {
        process.env.CHROME_PATH = process.execPath;
        await expect(chromiumExecutable()).resolves.toBe(process.execPath);
    });
});
