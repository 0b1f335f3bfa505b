# polybook default theme: UI strings in English.
# English is the last-resort fallback: every key used by the templates must be here.
# Plural selectors follow CLDR (English: one, other). Keys are kebab-case.

## Page frame

skip-to-content = Skip to content
language-switcher-label = Languages
language-home-note = not translated yet: opens the home page in that language
theme-toggle = Dark mode
search-label = Search the handbook
search-placeholder = Search…
search-submit = Search
search-no-results = No results.
footer-nav-label = Site
home-link = Home
topics-link = All topics
print-link = Print or save as PDF
feed-link = Subscribe (Atom feed)
breadcrumb-label = You are here

## Counts

articles-count =
    { $count ->
        [0] no articles
        [one] { $count } article
       *[other] { $count } articles
    }
reading-time =
    { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } to read
more-topics = +{ $count } more

## Language chooser

choose-language = Choose your language

## Home

articles-title = Articles
other-languages-title = Guidance in other languages
other-languages-intro = Articles written in other languages. Their topics link them to the guidance in this one.
see-all-in-language = See all in { $language }
section-see-all =
    { $count ->
        [one] See the article in { $section }
       *[other] See all { $count } articles in { $section }
    }
subsections-title = Sections
section-empty = There are no articles in this section yet.
pagination-label = Pages
pagination-previous = ← Previous
pagination-next = Next →
pagination-page = Page { $number }
topics-title = Topics
topics-label = Topics

## Article

updated-on = Updated { $date }
available-in = Also available in:
on-this-page = On this page
related-title = Related articles
backlinks-title = Linked from

## Topics

topic-eyebrow = Topic
topic-other-labels = Also known as
topic-here-title = Articles in this language
topic-none-here = There is no article on this topic in this language yet. See the articles in other languages below.
topic-elsewhere-title = In other languages
topic-empty = There are no articles on this topic yet.
topics-intro = Topics connect articles across languages: each one lists the guidance in this language first, then in the others.
topics-empty = There are no topics yet.

## Search

search-title = Search
search-intro = Search looks in this language first; choose “All languages” to search every one. Accents are optional, and the name of a topic in any language also finds the articles about it in the others.
search-noscript = Search needs JavaScript. You can still browse the articles by topic.
search-results-count =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
search-scope-label = Search in
search-scope-here = This language
search-scope-all = All languages
search-no-results-hint = Check the spelling, or try fewer or shorter words.
search-try-all-languages = Search all languages
search-show-all = Show all results
search-more-results = Show more results
search-related-topics = Topics that may help:
# $query: the query with the forgiven typo corrected
search-showing-results-for = Showing results for { $query }
search-error = Search could not be loaded. Reload the page to try again.
# The search page's filters: by topic and by section, with counts
search-filters = Filter
search-filter-topic = Topic
search-filter-section = Section
search-filter-any = Any
# $query: the synonyms a search also looked for (content/synonyms.toml)
search-also-searched = Also searched for { $query }
# The bar on a page opened from a search result, marking the query's words
# $current: the mark shown, $total: how many marks the page has
highlight-position = { $current } of { $total }
highlight-previous = Previous match
highlight-next = Next match
highlight-close = Clear the highlights

## Print

print-title = All articles
print-intro = Every article in this language on one page, ready to print or save as PDF.
print-now = Print
print-contents = Contents
print-empty = There are no articles to print yet.
print-source = Online: { $url }
print-parts-intro = This language has too many articles for one page: they are printed in parts, a section each (a long section in several). Open a part to print it or save it as PDF.
print-parts-title = Parts
print-part-intro = One part of the articles in this language, ready to print or save as PDF.
# $title: the section's title (or print-loose-title); $number of $total: the part of that section
print-part-numbered = { $title }, part { $number } of { $total }
print-loose-title = General
print-all-parts = All parts
print-previous-part = Previous part
print-next-part = Next part

## Not found

not-found-title = Page not found
not-found-text = The page you were looking for does not exist or has moved. Choose a language to start again from its home page.
not-found-go-home = Go to the home page

## Live preview (polybook serve): the error overlay

overlay-title = The last change could not be built
overlay-hint = You are seeing the last good version. Fix the problems below and save: this page updates by itself.

## Offline reading (a language home's "Save for offline reading")

offline-save = Save for offline reading
# $count: the language's pages; $size: their size, like "2.5 MB"
offline-size =
    { $count ->
        [one] { $count } page, { $size }
       *[other] { $count } pages, { $size }
    }
offline-saving = Saving for offline reading…
offline-saved = Saved: this language's pages and search work without a connection.
offline-remove = Remove the offline copy
offline-failed = Not everything could be saved. Check the connection and try again.

## Review: owners, review dates, translations behind

reviewed-by = Reviewed on { $date } by { $owner }
reviewed-on = Reviewed on { $date }
owned-by = Kept current by { $owner }
edit-page = Edit this page
newer-translation = The { $language } version of this page was updated on { $date }, after this one.
newer-translation-link = Read the { $language } version
# An article with no version in a language, told in that language ($language: its own name, "Hrvatski")
not-translated = This article is not translated into { $language } yet.
not-translated-related = Articles in { $language } on the same topics:
not-translated-home = See the articles in { $language }
# In the language switcher, under a language the article has no version in (in that language)
not-translated-short = not translated
# On an article, for a reader of another language it has a version in; the version's title follows
translated-notice = This article is also available in { $language }:
review-title = Review
review-intro = For editors: what needs checking in this language as of { $date }. The site's navigation does not link here, and search engines are asked not to index it.
review-overdue = Past their review date
review-due = review due { $date }
review-never = never reviewed
review-not-tracked = No review interval is set: add [review] every = "12 months" to site.toml, or review_every to a page.
review-no-owner = No owner
review-missing = Not translated into this language
review-stale = Older than another language's version
review-more = …and { $count } more: `polybook check --review` lists them all.
review-none = Nothing here.

# The title of a callout in an article (Markdown's > [!NOTE], > [!TIP], …)
callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution
