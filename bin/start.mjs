// `npm start`: the server, compiled (dist/server/main.js) when built from the current sources, else from
// them through tsx (compiled.mjs); the compiled start skips compiling ≈ 300 modules (issue #18).
import { importCurrent } from './compiled.mjs';

await importCurrent('server/main');
