/*
 * The offline bundle's search worker: Material's search box and result list, answered from a lunr
 * index built ahead of time (digest/site/offline_search.py), so nothing is indexed in the browser.
 *
 * Material's bundle starts the worker named in its configuration (main.html points it here) and
 * talks to it in four messages: SETUP (it passes its own index, which the bundle leaves without
 * pages), READY, QUERY (the text typed) and RESULT (the items it renders as
 * .md-search-result__item, each with its title, text and location). From file:// this runs in the
 * iframe that Material's iframe-worker shim makes, whose importScripts adds script elements.
 */
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3

/* The worker's own address: in the shim's iframe, the script that started it */
const here = typeof document !== "undefined"
  ? document.querySelector("script[src]").src
  : self.location.href
const site = new URL("../../../", here)

/* Started as the worker starts, without waiting for Material's SETUP message */
const ready = (async () => {
  await importScripts(
    new URL("assets/javascripts/lunrjs/lunr.min.js", site).href,
    new URL("search/lunr_index.js", site).href
  )
  return {
    index: lunr.Index.load(self.__digest_lunr.index),
    pages: self.__digest_lunr.pages
  }
})()

/* As offline_search.py folds and splits the indexed text: lower case, no diacritics or harakat,
   words as runs of letters and digits */
function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "")
}

function words(text) {
  return fold(text).match(/[\p{L}\p{N}]+/gu) || []
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/* The text with every word that starts with one of the terms marked */
function mark(text, terms) {
  return text.split(/([\p{L}\p{N}\p{Mn}]+)/u).map((part, i) => {
    const found = i % 2 === 1 && terms.some(term => fold(part).startsWith(term))
    return found ? `<mark>${escapeHTML(part)}</mark>` : escapeHTML(part)
  }).join("")
}

/* Every page with a word that starts with one of the terms (each term is a prefix, as in Material) */
function answer({ index, pages }, query) {
  const terms = [...new Set(words(query))]
  if (!terms.length)
    return { items: [] }
  const results = index.query(builder => {
    for (const term of terms)
      builder.term(term, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false })
  })
  return {
    items: results.map(({ ref, score, matchData }) => {
      const [location, title, teaser] = pages[+ref]
      const matched = Object.keys(matchData.metadata)
      const found = Object.fromEntries(terms.map(term => [term, matched.some(word => word.startsWith(term))]))
      /* dir="auto": an Arabic title or teaser reads right to left in a left-to-right list */
      return [{
        location,
        title: `<span dir="auto">${mark(title, terms)}</span>`,
        text: `<p dir="auto">${mark(teaser, terms)}</p>`,
        score,
        terms: found
      }]
    })
  }
}

self.addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    await ready
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    let data = { items: [] }
    try {
      data = answer(await ready, message.data)
    } catch (error) {
      console.warn(`search: ${message.data}: ${error}`)
    }
    self.postMessage({ type: RESULT, data })
  }
})
