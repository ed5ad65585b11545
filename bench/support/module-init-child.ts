/**
 * Imports one module and prints how long the import took, in ms: a fresh process per
 * measurement, as a Lambda cold start loads its handler module once.
 */
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (!file) throw new Error('usage: module-init-child.ts <module file>');
const started = performance.now();
await import(pathToFileURL(file).href);
process.stdout.write(String(performance.now() - started));
