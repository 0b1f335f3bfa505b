# polybook default theme: UI strings in Italian (it).
# Plural selectors follow CLDR (Italian: one, other).
# Keys are kebab-case and must match locales/en/main.ftl.

## Page frame

skip-to-content = Vai al contenuto
language-switcher-label = Lingue
language-home-note = non ancora tradotto: apre la pagina iniziale in quella lingua
theme-toggle = Modalità scura
search-label = Cerca nel manuale
search-placeholder = Cerca…
search-submit = Cerca
search-no-results = Nessun risultato.
footer-nav-label = Navigazione del sito
home-link = Home
topics-link = Tutti gli argomenti
print-link = Stampa o salva in PDF
feed-link = Iscriviti (feed Atom)
breadcrumb-label = Ti trovi qui

## Counts

articles-count =
    { $count ->
        [0] nessun articolo
        [one] { $count } articolo
       *[other] { $count } articoli
    }
reading-time =
    { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minuti
    } di lettura
more-topics = +{ $count } altri

## Language chooser

choose-language = Scegli la tua lingua

## Home

articles-title = Articoli
other-languages-title = Guide in altre lingue
other-languages-intro = Articoli scritti in altre lingue. I loro argomenti li collegano alle guide in questa lingua.
see-all-in-language = Vedi tutti in { $language }
section-see-all =
    { $count ->
        [one] Vedi l'articolo di { $section }
       *[other] Vedi tutti i { $count } articoli di { $section }
    }
subsections-title = Sezioni
section-empty = Non ci sono ancora articoli in questa sezione.
pagination-label = Pagine
pagination-previous = ← Precedente
pagination-next = Successiva →
pagination-page = Pagina { $number }
topics-title = Argomenti
topics-label = Argomenti

## Article

updated-on = Aggiornato il { $date }
available-in = Disponibile anche in:
on-this-page = In questa pagina
related-title = Articoli correlati
backlinks-title = Citato in

## Topics

topic-eyebrow = Argomento
topic-other-labels = Noto anche come
topic-here-title = Articoli in questa lingua
topic-none-here = Non c'è ancora un articolo su questo argomento in questa lingua. Qui sotto trovi gli articoli in altre lingue.
topic-elsewhere-title = In altre lingue
topic-empty = Non ci sono ancora articoli su questo argomento.
topics-intro = Gli argomenti collegano articoli in lingue diverse: ognuno mostra prima le guide in questa lingua, poi quelle nelle altre.
topics-empty = Non ci sono ancora argomenti.

## Search

search-title = Ricerca
search-intro = La ricerca guarda prima in questa lingua; scegli «Tutte le lingue» per cercare in tutte. Gli accenti sono facoltativi, e il nome di un argomento in qualsiasi lingua trova anche gli articoli che ne parlano nelle altre.
search-noscript = La ricerca richiede JavaScript. Puoi comunque sfogliare gli articoli per argomento.
search-results-count =
    { $count ->
        [one] { $count } risultato
       *[other] { $count } risultati
    }
search-scope-label = Cerca in
search-scope-here = Questa lingua
search-scope-all = Tutte le lingue
search-no-results-hint = Controlla l'ortografia o prova con meno parole o con parole più brevi.
search-try-all-languages = Cerca in tutte le lingue
search-show-all = Mostra tutti i risultati
search-more-results = Mostra altri risultati
search-related-topics = Argomenti che possono aiutare:
# $query: the query with the forgiven typo corrected
search-showing-results-for = Risultati per { $query }
search-error = Impossibile caricare la ricerca. Ricarica la pagina per riprovare.
# The search page's filters: by topic and by section, with counts
search-filters = Filtra
search-filter-topic = Argomento
search-filter-section = Sezione
search-filter-any = Qualsiasi
# $query: the synonyms a search also looked for (content/synonyms.toml)
search-also-searched = Cercato anche: { $query }
# The bar on a page opened from a search result, marking the query's words
# $current: the mark shown, $total: how many marks the page has
highlight-position = { $current } di { $total }
highlight-previous = Occorrenza precedente
highlight-next = Occorrenza successiva
highlight-close = Rimuovi le evidenziazioni

## Print

print-title = Tutti gli articoli
print-intro = Tutti gli articoli in questa lingua in un'unica pagina, pronti da stampare o salvare in PDF.
print-now = Stampa
print-contents = Indice
print-empty = Non ci sono ancora articoli da stampare.
print-source = Versione online: { $url }
print-parts-intro = Questa lingua ha troppi articoli per una sola pagina: sono stampati in parti, una per sezione (una sezione lunga in più parti). Apri una parte per stamparla o salvarla in PDF.
print-parts-title = Parti
print-part-intro = Una parte degli articoli in questa lingua, pronta da stampare o salvare in PDF.
print-part-numbered = { $title }, parte { $number } di { $total }
print-loose-title = Generale
print-all-parts = Tutte le parti
print-previous-part = Parte precedente
print-next-part = Parte successiva

## Not found

not-found-title = Pagina non trovata
not-found-text = La pagina che cerchi non esiste o è stata spostata. Scegli una lingua per ripartire dalla sua pagina iniziale.
not-found-go-home = Vai alla pagina iniziale

## Live preview (polybook serve): the error overlay

overlay-title = Non è stato possibile generare l'ultima modifica
overlay-hint = Stai vedendo l'ultima versione corretta. Correggi i problemi qui sotto e salva: questa pagina si aggiorna da sola.

## Offline reading (a language home's "Save for offline reading")

offline-save = Salva per leggere offline
offline-size =
    { $count ->
        [one] { $count } pagina, { $size }
       *[other] { $count } pagine, { $size }
    }
offline-saving = Salvataggio per la lettura offline…
offline-saved = Salvato: le pagine e la ricerca di questa lingua funzionano senza connessione.
offline-remove = Rimuovi la copia offline
offline-failed = Non è stato possibile salvare tutto. Controlla la connessione e riprova.

## Review: owners, review dates, translations behind

reviewed-by = Revisionato il { $date } da { $owner }
reviewed-on = Revisionato il { $date }
owned-by = Responsabile: { $owner }
edit-page = Modifica questa pagina
newer-translation = La versione in { $language } di questa pagina è stata aggiornata il { $date }, dopo questa.
newer-translation-link = Leggi la versione in { $language }
not-translated = Questo articolo non è ancora tradotto in { $language }.
not-translated-related = Articoli in { $language } sugli stessi argomenti:
not-translated-home = Vedi gli articoli in { $language }
not-translated-short = non tradotto
translated-notice = Questo articolo è disponibile anche in { $language }:
review-title = Revisione
review-intro = Per i redattori: cosa va controllato in questa lingua al { $date }. La navigazione del sito non porta qui e ai motori di ricerca si chiede di non indicizzare questa pagina.
review-overdue = Revisione scaduta
review-due = revisione prevista il { $date }
review-never = mai revisionato
review-not-tracked = Nessun intervallo di revisione: aggiungi [review] every = "12 months" a site.toml, o review_every a una pagina.
review-no-owner = Senza responsabile
review-missing = Non tradotto in questa lingua
review-stale = Più vecchie della versione in un'altra lingua
review-more = …e altre { $count }: `polybook check --review` le elenca tutte.
review-none = Niente qui.

callout-note = Nota
callout-tip = Suggerimento
callout-important = Importante
callout-warning = Avvertenza
callout-caution = Attenzione
