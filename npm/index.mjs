// fahras for Node: build a site's search (`build`) and search a built one (`openIndex`).
export { build } from './lib/build.mjs';
export { openIndex } from './lib/open.mjs';
