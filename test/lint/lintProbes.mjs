// Lints source snippets as if they lived at given paths, with the project's own eslint.config.mjs.
// Runs as a plain Node process: ESLint loads its config with a dynamic import, which jest's VM
// does not allow. stdin: [{ filePath, code }]; stdout: [[ruleId, …], …] in the same order.
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  out.push(result.messages.map((m) => m.ruleId));
}
process.stdout.write(JSON.stringify(out));
