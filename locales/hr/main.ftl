# polybook default theme: UI strings in Croatian (hr).
# Plural selectors follow CLDR (Croatian: one, few, other):
# 1 članak, 2 članka, 5 članaka, 11 članaka, 21 članak, 22 članka.
# Keys are kebab-case and must match locales/en/main.ftl.

## Page frame

skip-to-content = Prijeđi na sadržaj
language-switcher-label = Jezici
language-home-note = još nije prevedeno: otvara početnu stranicu na tom jeziku
theme-toggle = Tamni način rada
search-label = Pretraži priručnik
search-placeholder = Pretraži…
search-submit = Traži
search-no-results = Nema rezultata.
footer-nav-label = Navigacija stranice
home-link = Početna
topics-link = Sve teme
print-link = Ispis ili spremanje u PDF
feed-link = Pretplata (Atom feed)
breadcrumb-label = Nalazite se ovdje

## Counts

articles-count =
    { $count ->
        [0] nema članaka
        [one] { $count } članak
        [few] { $count } članka
       *[other] { $count } članaka
    }
reading-time =
    { $minutes ->
        [one] { $minutes } minuta
        [few] { $minutes } minute
       *[other] { $minutes } minuta
    } čitanja
more-topics = još { $count }

## Language chooser

choose-language = Odaberite jezik

## Home

articles-title = Članci
other-languages-title = Smjernice na drugim jezicima
other-languages-intro = Članci napisani na drugim jezicima. Teme ih povezuju sa smjernicama na ovom jeziku.
see-all-in-language = Prikaži sve: { $language }
section-see-all = Prikaži sve u odjeljku { $section } ({ $count })
subsections-title = Odjeljci
section-empty = U ovom odjeljku još nema članaka.
pagination-label = Stranice
pagination-previous = ← Prethodna
pagination-next = Sljedeća →
pagination-page = Stranica { $number }
topics-title = Teme
topics-label = Teme

## Article

updated-on = Ažurirano { $date }
available-in = Dostupno i na jezicima:
on-this-page = Na ovoj stranici
related-title = Povezani članci
backlinks-title = Spominje se u

## Topics

topic-eyebrow = Tema
topic-other-labels = Poznata i kao
topic-here-title = Članci na ovom jeziku
topic-none-here = Na ovom jeziku još nema članka o ovoj temi. U nastavku pogledajte članke na drugim jezicima.
topic-elsewhere-title = Na drugim jezicima
topic-empty = Još nema članaka o ovoj temi.
topics-intro = Teme povezuju članke na različitim jezicima: svaka najprije navodi smjernice na ovom jeziku, a zatim na ostalima.
topics-empty = Još nema tema.

## Search

search-title = Pretraživanje
search-intro = Pretraživanje najprije gleda na ovom jeziku; odaberite „Na svim jezicima” za pretraživanje svih. Dijakritički znakovi nisu obavezni, a naziv teme na bilo kojem jeziku pronalazi i članke o njoj na ostalim jezicima.
search-noscript = Za pretraživanje je potreban JavaScript. Članke i dalje možete pregledavati po temama.
search-results-count =
    { $count ->
        [one] { $count } rezultat
        [few] { $count } rezultata
       *[other] { $count } rezultata
    }
search-scope-label = Pretraživanje
search-scope-here = Na ovom jeziku
search-scope-all = Na svim jezicima
search-no-results-hint = Provjerite pravopis ili pokušajte s manje riječi ili s kraćim riječima.
search-try-all-languages = Traži na svim jezicima
search-show-all = Prikaži sve rezultate
search-more-results = Prikaži još rezultata
search-related-topics = Teme koje bi mogle pomoći:
# $query: the query with the forgiven typo corrected
search-showing-results-for = Prikazani su rezultati za { $query }
search-error = Pretraživanje se nije moglo učitati. Ponovno učitajte stranicu i pokušajte još jednom.
# The search page's filters: by topic and by section, with counts
search-filters = Filtriraj
search-filter-topic = Tema
search-filter-section = Odjeljak
search-filter-any = Bilo koji
# $query: the synonyms a search also looked for (content/synonyms.toml)
search-also-searched = Traženo je i: { $query }
# The bar on a page opened from a search result, marking the query's words
# $current: the mark shown, $total: how many marks the page has
highlight-position = { $current } od { $total }
highlight-previous = Prethodni pogodak
highlight-next = Sljedeći pogodak
highlight-close = Ukloni isticanje

## Print

print-title = Svi članci
print-intro = Svi članci na ovom jeziku na jednoj stranici, spremni za ispis ili spremanje u PDF.
print-now = Ispiši
print-contents = Sadržaj
print-empty = Još nema članaka za ispis.
print-source = Mrežna verzija: { $url }
print-parts-intro = Na ovom jeziku ima previše članaka za jednu stranicu: ispisuju se u dijelovima, po jedan za svako poglavlje (dugo poglavlje u više njih). Otvorite dio da biste ga ispisali ili spremili u PDF.
print-parts-title = Dijelovi
print-part-intro = Jedan dio članaka na ovom jeziku, spreman za ispis ili spremanje u PDF.
print-part-numbered = { $title }, dio { $number } od { $total }
print-loose-title = Općenito
print-all-parts = Svi dijelovi
print-previous-part = Prethodni dio
print-next-part = Sljedeći dio

## Not found

not-found-title = Stranica nije pronađena
not-found-text = Stranica koju tražite ne postoji ili je premještena. Odaberite jezik i krenite ispočetka s njegove početne stranice.
not-found-go-home = Idi na početnu stranicu

## Live preview (polybook serve): the error overlay

overlay-title = Posljednju promjenu nije bilo moguće izgraditi
overlay-hint = Vidite posljednju ispravnu verziju. Ispravite probleme u nastavku i spremite: stranica će se sama osvježiti.

## Offline reading (a language home's "Save for offline reading")

offline-save = Spremi za čitanje bez veze
offline-size =
    { $count ->
        [one] { $count } stranica, { $size }
        [few] { $count } stranice, { $size }
       *[other] { $count } stranica, { $size }
    }
offline-saving = Spremanje za čitanje bez veze…
offline-saved = Spremljeno: stranice i pretraživanje ovog jezika rade i bez veze.
offline-remove = Ukloni spremljenu kopiju
offline-failed = Nije sve spremljeno. Provjerite vezu i pokušajte ponovno.

## Review: owners, review dates, translations behind

reviewed-by = Pregledano { $date } · odgovorna osoba: { $owner }
reviewed-on = Pregledano { $date }
owned-by = Odgovorna osoba: { $owner }
edit-page = Uredi ovu stranicu
newer-translation = Inačica ove stranice na jeziku { $language } ažurirana je { $date }, nakon ove.
newer-translation-link = Pročitajte inačicu na jeziku { $language }
not-translated = Ovaj članak još nije preveden na jezik { $language }.
not-translated-related = Članci na jeziku { $language } o istim temama:
not-translated-home = Pogledajte članke na jeziku { $language }
not-translated-short = nije prevedeno
translated-notice = Ovaj je članak dostupan i na jeziku { $language }:
review-title = Pregled
review-intro = Za urednike: što na ovom jeziku treba provjeriti na dan { $date }. Navigacija stranice ne vodi ovamo, a tražilice su zamoljene da je ne indeksiraju.
review-overdue = Prošao rok za pregled
review-due = pregled je bio predviđen { $date }
review-never = nikad pregledano
review-not-tracked = Interval pregleda nije postavljen: dodajte [review] every = "12 months" u site.toml ili review_every stranici.
review-no-owner = Bez odgovorne osobe
review-missing = Nije prevedeno na ovaj jezik
review-stale = Starije od inačice na drugom jeziku
review-more = …i još { $count }: `polybook check --review` navodi sve.
review-none = Ovdje nema ničega.

callout-note = Napomena
callout-tip = Savjet
callout-important = Važno
callout-warning = Upozorenje
callout-caution = Oprez
