// `npm run demo`: for now, report the extension the build produced and how to load it.
import { readFileSync } from 'node:fs';

for (const dir of ['.output/chrome-mv3']) {
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
  console.log(`Built ${dir} (manifest v${manifest.manifest_version}, version ${manifest.version}).`);
  console.log(`Content script on: ${manifest.content_scripts[0].matches.join(', ')}`);
}
console.log('Load it in Chromium: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3');
