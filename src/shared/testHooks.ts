// Whether this build carries the browser tests' hooks (the debug URL keys, the worker's lose-the-GPU switch): only a
// build made with `vite build --mode e2e` (npm run test:e2e). Elsewhere the constant is false at build time, so the
// minifier drops the hooks from the production bundle. Dependency-free.
export const TEST_HOOKS: boolean = import.meta.env.MODE === 'e2e';
