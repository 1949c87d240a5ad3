// Screenshot of the graph in Neo4j Browser, for docs/browser.png.
//   npm install --prefix tools/browser --no-save playwright-core@1
//   node tools/browser/screenshot.mjs docs/browser.png
// Needs a running server with the graph loaded (tools/neo4j/server start; kg build seeds/ --store neo4j)
// and Debian's chromium. The password comes from NEO4J_PASSWORD and is typed, never printed.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const out = process.argv[2] || "docs/browser.png";
const http = process.env.NEO4J_HTTP || "http://127.0.0.1:7474";
const password = process.env.NEO4J_PASSWORD || "kg-local-password";
const grass = readFileSync(process.env.KG_GRASS || "queries/browser-style.grass", "utf8");
const query = process.env.KG_BROWSER_QUERY ||
  "MATCH p = (a)-[r]->(b) WHERE type(r) <> 'MENTIONED_IN' RETURN p";

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(`${http}/browser/?dbms=bolt://neo4j@127.0.0.1:7687`);
await page.locator('input[data-testid="password"]').fill(password);
await page.locator('button[data-testid="connect"]').click();
await page.waitForSelector('[data-testid="frame"]', { timeout: 30000 });

async function run(command) {
  const editor = page.locator('[data-testid="activeEditor"] textarea, .monaco-editor textarea').first();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await editor.fill(command);
  await page.keyboard.press("Control+Enter");
  await page.waitForTimeout(2500);
}

await run(":style " + grass.replace(/\s+/g, " "));
await run(query);
await page.waitForTimeout(4000);
// The newest result frame is the first one.
await page.locator('[data-testid="frame"]').first().screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
