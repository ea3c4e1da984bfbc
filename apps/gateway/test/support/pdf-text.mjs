// Prints the text of the PDF read from stdin, page by page: pdfjs-dist is an ES module that Jest's CommonJS
// runtime cannot load, so a test runs this script with Node instead.
import { readFileSync } from 'node:fs';

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const document = await getDocument({ data: new Uint8Array(readFileSync(0)), verbosity: 0 }).promise;
for (let n = 1; n <= document.numPages; n += 1) {
  const content = await (await document.getPage(n)).getTextContent();
  process.stdout.write(`${content.items.map((item) => ('str' in item ? item.str : '')).join('')}\n`);
}
