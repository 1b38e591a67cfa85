// A platform gate the preview keeps closed (see build.ts for which one and why).
export default { isOpen: (): boolean => false };
