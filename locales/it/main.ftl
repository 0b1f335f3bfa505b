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

## Print

print-title = Tutti gli articoli
print-intro = Tutti gli articoli in questa lingua in un'unica pagina, pronti da stampare o salvare in PDF.
print-now = Stampa
print-contents = Indice
print-empty = Non ci sono ancora articoli da stampare.
print-source = Versione online: { $url }

## Not found

not-found-title = Pagina non trovata
not-found-text = La pagina che cerchi non esiste o è stata spostata. Scegli una lingua per ripartire dalla sua pagina iniziale.
not-found-go-home = Vai alla pagina iniziale

## Live preview (polybook serve): the error overlay

overlay-title = Non è stato possibile generare l'ultima modifica
overlay-hint = Stai vedendo l'ultima versione corretta. Correggi i problemi qui sotto e salva: questa pagina si aggiorna da sola.
