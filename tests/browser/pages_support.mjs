// Shared checks for the pages tests (home, privacy, For Professionals, crisis, 404).
import assert from "node:assert/strict";

// No console error, uncaught error, CSP violation, failed response or request to another origin.
// `expected404` is the one URL allowed to answer 404 (the 404 page test asks for a missing page).
export function assertClean(record, baseUrl, { expected404 } = {}) {
  const failed = record.failedResponses.filter((r) => r !== `404 ${expected404}`);
  const consoleErrors = record.consoleErrors.filter(
    (m) => !(expected404 && /status of 404/.test(m) && record.failedResponses.length === 1),
  );
  assert.deepEqual(failed, [], "failed responses");
  assert.deepEqual(record.pageErrors, [], "uncaught errors");
  assert.deepEqual(consoleErrors, [], "console errors");
  assert.deepEqual(record.cspViolations, [], "CSP violations");
  for (const r of record.requests)
    assert.ok(r.url.startsWith(baseUrl) || r.url.startsWith("blob:") || r.url.startsWith("data:"), `request to another origin: ${r.url}`);
}

// Presses Tab until `predicate(activeElementInfo)` holds; returns how many presses it took.
export async function tabTo(page, predicate, max = 60) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const a = document.activeElement;
      return { tag: a?.tagName, text: a?.textContent?.trim() ?? "", id: a?.id ?? "", cls: a?.className ?? "", href: a?.getAttribute?.("href") ?? "" };
    });
    if (predicate(info)) return i;
  }
  throw new Error("the element was not reached with Tab");
}
