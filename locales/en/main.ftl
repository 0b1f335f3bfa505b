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

## Print

print-title = All articles
print-intro = Every article in this language on one page, ready to print or save as PDF.
print-now = Print
print-contents = Contents
print-empty = There are no articles to print yet.
print-source = Online: { $url }

## Not found

not-found-title = Page not found
not-found-text = The page you were looking for does not exist or has moved. Choose a language to start again from its home page.
not-found-go-home = Go to the home page

## Live preview (polybook serve): the error overlay

overlay-title = The last change could not be built
overlay-hint = You are seeing the last good version. Fix the problems below and save: this page updates by itself.
