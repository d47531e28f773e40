// The npm scripts run on the project's own Node (the `node` devDependency: npm puts
// node_modules/.bin first on their PATH), whatever Node ran `npm ci`. If its install script was
// skipped, they would quietly fall back to the machine's Node, too old for Vitest and WXT: stop
// here with the reason instead, and name the Node in use in every `npm test` log.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const minimum = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(engines.node);
if (!minimum) throw new Error(`package.json engines.node should read ">=X.Y.Z", not ${JSON.stringify(engines.node)}`);

const [major = 0, minor = 0, patch = 0] = process.versions.node.split('.').map(Number);
const [wantMajor = 0, wantMinor = 0, wantPatch = 0] = minimum.slice(1).map(Number);
const order = major - wantMajor || minor - wantMinor || patch - wantPatch;

console.log(`node ${process.version} (${process.execPath})`);
if (order < 0) {
  console.error(
    `This Node is older than package.json's engines (${engines.node}). The project brings its own Node: ` +
      'run `npm ci` again and let the install script of the "node" package run (see "allowScripts").',
  );
  process.exit(1);
}
