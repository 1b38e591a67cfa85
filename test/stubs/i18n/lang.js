// Stub of @salesforce/i18n/lang for Jest: tests switch the language with
// jest.mock('@salesforce/i18n/lang', () => ({ __esModule: true, default: 'zh-CN' })).
export default 'en-US';
