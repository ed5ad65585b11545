// npm itself runs on the machine's Node; our scripts need the Node 24 that the `node`
// devDependency installs. `npm ci --ignore-scripts` silently skips that binary, so say so.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `OpsWorker needs Node 24 (found ${process.versions.node}). Run \`npm install\` without --ignore-scripts ` +
      'so that node_modules/.bin/node is installed, or use Node 24+ directly.',
  );
  process.exit(1);
}
