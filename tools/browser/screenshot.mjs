// Screenshot of the graph in Neo4j Browser, for docs/browser.png.
//   npm install --prefix tools/browser --no-save playwright-core@1
//   node tools/browser/screenshot.mjs docs/browser.png
// Needs the local server with the graph loaded (tools/neo4j/server start; kg build seeds/ --store neo4j) and
// Debian's chromium. Ports come from NEO4J_HTTP_PORT and NEO4J_BOLT_PORT (defaults 7474 and 7687), as for
// tools/neo4j/server. The server styles the Browser on connect (browser.post_connect_cmd), so no :style
// step is needed. The password comes from NEO4J_PASSWORD and is typed, never printed. Exits non-zero
// when the Browser cannot connect or draws nothing.
import { chromium } from "playwright-core";

const out = process.argv[2] || "docs/browser.png";
const httpPort = process.env.NEO4J_HTTP_PORT || "7474";
const boltPort = process.env.NEO4J_BOLT_PORT || "7687";
const password = process.env.NEO4J_PASSWORD || "kg-local-password";
const query = process.env.KG_BROWSER_QUERY ||
  "MATCH p = (a)-[r]->(b) WHERE type(r) <> 'MENTIONED_IN' RETURN p";

function fail(message) {
  console.error(`screenshot: ${message}`);
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const response = await page.goto(`http://127.0.0.1:${httpPort}/browser/?dbms=bolt://neo4j@127.0.0.1:${boltPort}`, { timeout: 120000 })
    .catch((e) => fail(`cannot open Neo4j Browser on port ${httpPort} (${e.message}); start the server`));
  if (!response || !response.ok()) fail(`Neo4j Browser answered ${response && response.status()}`);
  await page.locator('input[data-testid="password"]').fill(password);
  await page.locator('button[data-testid="connect"]').click();
  // Connected when the login form goes away; an error banner or a timeout means it did not.
  const connected = await page.waitForSelector('input[data-testid="password"]', { state: "detached", timeout: 120000 })
    .then(() => true).catch(() => false);
  if (!connected) fail(`could not connect to bolt://127.0.0.1:${boltPort}; check NEO4J_BOLT_PORT and NEO4J_PASSWORD`);
  await page.waitForTimeout(3000); // the post-connect command (kg's style) runs now
  const editor = page.locator('[data-testid="activeEditor"] textarea, .monaco-editor textarea').first();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await editor.fill(query);
  await page.keyboard.press("Control+Enter");
  const frame = page.locator('[data-testid="frame"]').first(); // the newest result frame is the first one
  await frame.locator("svg g.node").first().waitFor({ timeout: 120000 })
    .catch(() => fail("the query drew no graph within 120 s"));
  await page.waitForTimeout(8000); // let the layout settle
  await frame.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
