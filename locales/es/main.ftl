# polybook default theme: UI strings in Spanish (es).
# Plural selectors follow CLDR (Spanish: one, other).
# Keys are kebab-case and must match locales/en/main.ftl.

## Page frame

skip-to-content = Saltar al contenido
language-switcher-label = Idiomas
language-home-note = aún sin traducir: abre la página de inicio en ese idioma
theme-toggle = Modo oscuro
search-label = Buscar en el manual
search-placeholder = Buscar…
search-submit = Buscar
search-no-results = Sin resultados.
footer-nav-label = Navegación del sitio
home-link = Inicio
topics-link = Todos los temas
print-link = Imprimir o guardar como PDF
feed-link = Suscribirse (feed Atom)
breadcrumb-label = Estás aquí

## Counts

articles-count =
    { $count ->
        [0] ningún artículo
        [one] { $count } artículo
       *[other] { $count } artículos
    }
reading-time =
    { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } de lectura
more-topics = +{ $count } más

## Language chooser

choose-language = Elige tu idioma

## Home

articles-title = Artículos
other-languages-title = Guías en otros idiomas
other-languages-intro = Artículos escritos en otros idiomas. Sus temas los conectan con las guías de este idioma.
see-all-in-language = Ver todos en { $language }
section-see-all =
    { $count ->
        [one] Ver el artículo de { $section }
       *[other] Ver los { $count } artículos de { $section }
    }
subsections-title = Secciones
section-empty = Todavía no hay artículos en esta sección.
pagination-label = Páginas
pagination-previous = ← Anterior
pagination-next = Siguiente →
pagination-page = Página { $number }
topics-title = Temas
topics-label = Temas

## Article

updated-on = Actualizado el { $date }
available-in = También disponible en:
on-this-page = En esta página
related-title = Artículos relacionados
backlinks-title = Mencionado en

## Topics

topic-eyebrow = Tema
topic-other-labels = También conocido como
topic-here-title = Artículos en este idioma
topic-none-here = Todavía no hay ningún artículo sobre este tema en este idioma. Consulta abajo los artículos en otros idiomas.
topic-elsewhere-title = En otros idiomas
topic-empty = Todavía no hay artículos sobre este tema.
topics-intro = Los temas conectan artículos de distintos idiomas: cada uno muestra primero las guías en este idioma y luego en los demás.
topics-empty = Todavía no hay temas.

## Search

search-title = Búsqueda
search-intro = La búsqueda mira primero en este idioma; elige «Todos los idiomas» para buscar en todos. Las tildes son opcionales, y el nombre de un tema en cualquier idioma también encuentra los artículos sobre él en los demás.
search-noscript = La búsqueda necesita JavaScript. Aún puedes explorar los artículos por tema.
search-results-count =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
search-scope-label = Buscar en
search-scope-here = Este idioma
search-scope-all = Todos los idiomas
search-no-results-hint = Revisa la ortografía o prueba con menos palabras o con palabras más cortas.
search-try-all-languages = Buscar en todos los idiomas
search-show-all = Ver todos los resultados
search-more-results = Mostrar más resultados
search-related-topics = Temas que pueden ayudar:
# $query: the query with the forgiven typo corrected
search-showing-results-for = Mostrando resultados para { $query }
search-error = No se pudo cargar la búsqueda. Recarga la página para intentarlo de nuevo.
# The search page's filters: by topic and by section, with counts
search-filters = Filtrar
search-filter-topic = Tema
search-filter-section = Sección
search-filter-any = Cualquiera
# $query: the synonyms a search also looked for (content/synonyms.toml)
search-also-searched = También se buscó: { $query }
# The bar on a page opened from a search result, marking the query's words
# $current: the mark shown, $total: how many marks the page has
highlight-position = { $current } de { $total }
highlight-previous = Coincidencia anterior
highlight-next = Coincidencia siguiente
highlight-close = Quitar el resaltado

## Print

print-title = Todos los artículos
print-intro = Todos los artículos de este idioma en una sola página, listos para imprimir o guardar como PDF.
print-now = Imprimir
print-contents = Índice
print-empty = Todavía no hay artículos para imprimir.
print-source = Versión en línea: { $url }
print-parts-intro = Este idioma tiene demasiados artículos para una sola página: se imprimen por partes, una por sección (una sección larga en varias). Abra una parte para imprimirla o guardarla como PDF.
print-parts-title = Partes
print-part-intro = Una parte de los artículos de este idioma, lista para imprimir o guardar como PDF.
print-part-numbered = { $title }, parte { $number } de { $total }
print-loose-title = General
print-all-parts = Todas las partes
print-previous-part = Parte anterior
print-next-part = Parte siguiente

## Not found

not-found-title = Página no encontrada
not-found-text = La página que buscas no existe o se ha movido. Elige un idioma para volver a empezar desde su página de inicio.
not-found-go-home = Ir a la página de inicio

## Live preview (polybook serve): the error overlay

overlay-title = No se pudo generar el último cambio
overlay-hint = Estás viendo la última versión correcta. Corrige los problemas de abajo y guarda: esta página se actualiza sola.

## Offline reading (a language home's "Save for offline reading")

offline-save = Guardar para leer sin conexión
offline-size =
    { $count ->
        [one] { $count } página, { $size }
       *[other] { $count } páginas, { $size }
    }
offline-saving = Guardando para leer sin conexión…
offline-saved = Guardado: las páginas y la búsqueda de este idioma funcionan sin conexión.
offline-remove = Quitar la copia sin conexión
offline-failed = No se pudo guardar todo. Comprueba la conexión e inténtalo de nuevo.

## Review: owners, review dates, translations behind

reviewed-by = Revisado el { $date } por { $owner }
reviewed-on = Revisado el { $date }
owned-by = Responsable: { $owner }
edit-page = Editar esta página
newer-translation = La versión en { $language } de esta página se actualizó el { $date }, después de esta.
newer-translation-link = Leer la versión en { $language }
not-translated = Este artículo aún no está disponible en { $language }.
not-translated-related = Artículos en { $language } sobre los mismos temas:
not-translated-home = Ver los artículos en { $language }
not-translated-short = sin traducir
translated-notice = Este artículo también está disponible en { $language }:
review-title = Revisión
review-intro = Para editores: lo que hay que comprobar en este idioma a { $date }. La navegación del sitio no enlaza aquí y se pide a los buscadores que no indexen esta página.
review-overdue = Revisión vencida
review-due = revisión prevista el { $date }
review-never = nunca revisado
review-not-tracked = No hay intervalo de revisión: añada [review] every = "12 months" a site.toml, o review_every a una página.
review-no-owner = Sin responsable
review-missing = Sin traducción a este idioma
review-stale = Más antiguas que la versión en otro idioma
review-more = …y { $count } más: `polybook check --review` las lista todas.
review-none = Nada por aquí.

callout-note = Nota
callout-tip = Consejo
callout-important = Importante
callout-warning = Advertencia
callout-caution = Precaución
