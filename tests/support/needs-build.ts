// Used only when dist/ is missing: the site sweeps test the built Worker.
export default function setup() {
  throw new Error('No build found: run the site tests through `npm test`, which builds the site first.');
}
