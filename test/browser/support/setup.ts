// Each browser test file lets go of its pages and its connection when it is done.
import { releaseBrowser } from './previewPage';

afterAll(releaseBrowser);
