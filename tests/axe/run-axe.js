// Runs axe-core over saved HTML files in headless Chromium (puppeteer-core drives the system's
// browser) and prints one JSON object: file -> the violations found (id, impact, help, nodes).
// The page may not reach the network: every request but the file itself is aborted.
// Usage: node run-axe.js CHROMIUM FILE...   (tests/test_accessibility.py runs it)
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

async function main() {
  const [chromium, ...files] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--proxy-server=http://127.0.0.1:9', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  const results = {};
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => (request.url().startsWith('file:') ? request.continue() : request.abort()));
      await page.setViewport({ width: 1000, height: 1400 });
      await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const found = await page.evaluate(
        (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        TAGS,
      );
      results[file] = {
        version: found.testEngine.version,
        violations: found.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        })),
      };
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results, null, 1) + '\n');
}

main().catch((error) => {
  process.stderr.write(`run-axe: ${error.stack || error}\n`);
  process.exit(2);
});
