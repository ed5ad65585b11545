// Writes desktop/build/icon.png (512×512), the icon electron-builder turns into the Linux,
// macOS (.icns) and Windows (.ico) icons. Run again after changing the drawing in app-icon.ts.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawAppIcon } from '../src/main/app-icon.ts';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
writeFileSync(join(buildDir, 'icon.png'), drawAppIcon(512));
console.log('desktop: wrote build/icon.png');
