import { ensureWebBuild } from '../../scripts/ensure-web-build.ts';

/** Before any suite: the browser tests need the current SPA build in web/dist. */
export default function setup(): void {
  ensureWebBuild({ quiet: true });
}
