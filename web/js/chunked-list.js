// @ts-check
// Long lists without long tasks (issue 14: no main-thread task over 50 ms, on a phone too). The
// results page's cards are built a few at a time, each batch in a task of its own after the one
// that put the page around them in place (and moved focus there): as many as fit in a short time
// budget, appended in order, with the browser free to style, lay out, paint and answer the
// visitor's keys and taps between batches.
//
//   const fill = fillInChunks([{ list: ol, items: matches }], (m) => matchCard(m, ctx));
//   await fill.done;   // true once every item is in its list; false if cancel() came first
//
// Each list gets its items in order; with several lists the first is filled before the next.
// Nothing is added before the first yield: the task that builds the rest of the page (and lays it
// out to move focus) is long enough already.

// About a sixth of a 50 ms task: the browser still has to style and lay out what was added.
const BUDGET_MS = 8;

// A new task rather than a microtask, so rendering and input run in between.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * @template T
 * @param {{ list: Element, items: T[] }[]} parts
 * @param {(item: T) => Node} build
 * @param {{ budgetMs?: number, yieldTask?: () => Promise<unknown>, now?: () => number }} [options]
 * @returns {{ done: Promise<boolean>, cancel: () => void, finish: () => void }}
 */
export function fillInChunks(parts, build, { budgetMs = BUDGET_MS, yieldTask = nextTask, now = () => performance.now() } = {}) {
  const queue = parts.flatMap(({ list, items }) => items.map((item) => ({ list, item })));
  let next = 0;
  let cancelled = false;

  // Builds at least one item, then more while the budget lasts; each list's new items go in
  // with one append.
  const addSome = (budget) => {
    const start = now();
    /** @type {Map<Element, DocumentFragment>} */
    const added = new Map();
    do {
      const { list, item } = queue[next++];
      let fragment = added.get(list);
      if (!fragment) added.set(list, (fragment = document.createDocumentFragment()));
      fragment.append(build(item));
    } while (next < queue.length && now() - start < budget);
    for (const [list, fragment] of added) list.append(fragment);
  };

  const run = async () => {
    while (next < queue.length) {
      await yieldTask();
      if (cancelled) return false;
      if (next < queue.length) addSome(budgetMs);
    }
    return true;
  };

  return {
    done: run(),
    cancel: () => {
      cancelled = true;
    },
    // Everything still queued, now (before printing, say).
    finish: () => {
      if (!cancelled && next < queue.length) addSome(Infinity);
    },
  };
}
