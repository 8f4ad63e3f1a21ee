/*
 * The served site's search worker: Material's search box and result list, answered by Pagefind.
 *
 * Material's bundle starts the worker named in its configuration (main.html points it here) and
 * talks to it in four messages: SETUP (it passes the lunr index, which the served site leaves
 * empty), READY, QUERY (the text typed) and RESULT (the items it renders as
 * .md-search-result__item, each with its title, text and location). This worker answers them
 * with Pagefind, which downloads only the index chunks of the words typed and the fragments of the
 * results it shows, from the site's own pagefind/ folder.
 */
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

const FIRST = 10
/* Results shown at once (Material renders its first ten before any scrolling) */
const LISTED = 50
/* Results listed in all; each costs the download of its fragment */

const site = new URL("../../../", self.location.href)
let pagefind = null
let latest = 0

const EXCERPT = { excerptLength: 24 }
/* Words of an excerpt; each merged part takes its own options */

/* Started as the worker starts, without waiting for Material's SETUP message. A large site's index
 * is in parts, one Pagefind run each (digest/shell/pagefind.py): the first is pagefind/ itself,
 * parts.json names the others, relative to it, and Pagefind merges them into every search with
 * the first part's WebAssembly. */
const ready = (async () => {
  const base = new URL("pagefind/", site).href
  const [engine, parts] = await Promise.all([
    import(`${base}pagefind.js`),
    fetch(`${base}parts.json`, { cache: "no-cache" }).then(response => response.json())
  ])
  pagefind = engine
  await pagefind.options({ basePath: base, ...EXCERPT })
  await pagefind.init()
  await Promise.all(parts.map(part => pagefind.mergeIndex(new URL(part, base).href, EXCERPT)))
})()

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/* One result item as Material renders it: a page, its title and the excerpt around the matches */
function item(data, score, terms) {
  return [{
    location: data.url.replace(/^\//, ""),
    /* dir="auto": an Arabic title or excerpt reads right to left in a left-to-right list */
    title: `<span dir="auto">${escapeHTML(data.meta.title || data.url)}</span>`,
    text: `<p dir="auto">${data.excerpt}</p>`,
    score,
    terms
  }]
}

async function answer(query, seq) {
  const words = query.trim().split(/\s+/).filter(Boolean)
  if (!words.length)
    return post({ items: [] })
  const search = await pagefind.search(query)
  const results = search.results.slice(0, LISTED)
  const terms = Object.fromEntries(words.map(word => [word.toLowerCase(), true]))
  const items = []
  for (const [start, end] of [[0, FIRST], [FIRST, LISTED]]) {
    const batch = results.slice(start, end)
    if (start > 0 && !batch.length)
      break
    const loaded = await Promise.all(batch.map(result => result.data()))
    if (seq !== latest)
      return  /* a newer query is on its way: its answer replaces this one */
    items.push(...loaded.map((data, i) => item(data, batch[i].score, terms)))
    post({ items })
  }
}

function post(data) {
  self.postMessage({ type: RESULT, data })
}

self.addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    await ready
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const seq = ++latest
    try {
      await answer(message.data, seq)
    } catch (error) {
      console.warn(`search: ${message.data}: ${error}`)
      post({ items: [] })
    }
  }
})
