# polybook default theme: UI strings in Brazilian Portuguese (pt).
# Plural selectors follow CLDR (Portuguese: one, other; 0 and 1 are "one").
# Keys are kebab-case and must match locales/en/main.ftl.

## Page frame

skip-to-content = Pular para o conteúdo
language-switcher-label = Idiomas
language-home-note = ainda não traduzido: abre a página inicial nesse idioma
theme-toggle = Modo escuro
search-label = Pesquisar no manual
search-placeholder = Pesquisar…
search-submit = Pesquisar
search-no-results = Nenhum resultado.
footer-nav-label = Navegação do site
home-link = Início
topics-link = Todos os tópicos
print-link = Imprimir ou salvar em PDF
feed-link = Assinar (feed Atom)
breadcrumb-label = Você está aqui

## Counts

articles-count =
    { $count ->
        [0] nenhum artigo
        [one] { $count } artigo
       *[other] { $count } artigos
    }
reading-time =
    { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    } de leitura
more-topics = +{ $count } mais

## Language chooser

choose-language = Escolha seu idioma

## Home

articles-title = Artigos
other-languages-title = Orientações em outros idiomas
other-languages-intro = Artigos escritos em outros idiomas. Os tópicos os ligam às orientações deste idioma.
see-all-in-language = Ver todos em { $language }
section-see-all =
    { $count ->
        [one] Ver o artigo de { $section }
       *[other] Ver os { $count } artigos de { $section }
    }
subsections-title = Seções
section-empty = Ainda não há artigos nesta seção.
pagination-label = Páginas
pagination-previous = ← Anterior
pagination-next = Próxima →
pagination-page = Página { $number }
topics-title = Tópicos
topics-label = Tópicos

## Article

updated-on = Atualizado em { $date }
available-in = Também disponível em:
on-this-page = Nesta página
related-title = Artigos relacionados
backlinks-title = Citado em

## Topics

topic-eyebrow = Tópico
topic-other-labels = Também conhecido como
topic-here-title = Artigos neste idioma
topic-none-here = Ainda não há artigo sobre este tópico neste idioma. Veja abaixo os artigos em outros idiomas.
topic-elsewhere-title = Em outros idiomas
topic-empty = Ainda não há artigos sobre este tópico.
topics-intro = Os tópicos ligam artigos de idiomas diferentes: cada um mostra primeiro as orientações neste idioma e depois nos outros.
topics-empty = Ainda não há tópicos.

## Search

search-title = Pesquisa
search-intro = A pesquisa procura primeiro neste idioma; escolha «Todos os idiomas» para pesquisar em todos. Os acentos são opcionais, e o nome de um tópico em qualquer idioma também encontra os artigos sobre ele nos outros.
search-noscript = A pesquisa precisa de JavaScript. Você ainda pode navegar pelos artigos por tópico.
search-results-count =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
search-scope-label = Pesquisar em
search-scope-here = Este idioma
search-scope-all = Todos os idiomas
search-no-results-hint = Verifique a ortografia ou tente menos palavras, ou palavras mais curtas.
search-try-all-languages = Pesquisar em todos os idiomas
search-show-all = Ver todos os resultados
search-more-results = Mostrar mais resultados
search-related-topics = Temas que podem ajudar:
# $query: the query with the forgiven typo corrected
search-showing-results-for = Mostrando resultados para { $query }
search-error = Não foi possível carregar a pesquisa. Recarregue a página para tentar novamente.
# The search page's filters: by topic and by section, with counts
search-filters = Filtrar
search-filter-topic = Tema
search-filter-section = Secção
search-filter-any = Qualquer
# $query: the synonyms a search also looked for (content/synonyms.toml)
search-also-searched = Também pesquisado: { $query }
# The bar on a page opened from a search result, marking the query's words
# $current: the mark shown, $total: how many marks the page has
highlight-position = { $current } de { $total }
highlight-previous = Ocorrência anterior
highlight-next = Ocorrência seguinte
highlight-close = Limpar os destaques

## Print

print-title = Todos os artigos
print-intro = Todos os artigos deste idioma em uma única página, prontos para imprimir ou salvar em PDF.
print-now = Imprimir
print-contents = Sumário
print-empty = Ainda não há artigos para imprimir.
print-source = Versão online: { $url }
print-parts-intro = Este idioma tem artigos demais para uma só página: eles são impressos em partes, uma por seção (uma seção longa em várias). Abra uma parte para imprimi-la ou salvá-la em PDF.
print-parts-title = Partes
print-part-intro = Uma parte dos artigos deste idioma, pronta para imprimir ou salvar em PDF.
print-part-numbered = { $title }, parte { $number } de { $total }
print-loose-title = Geral
print-all-parts = Todas as partes
print-previous-part = Parte anterior
print-next-part = Próxima parte

## Not found

not-found-title = Página não encontrada
not-found-text = A página que você procura não existe ou foi movida. Escolha um idioma para recomeçar pela página inicial.
not-found-go-home = Ir para a página inicial

## Live preview (polybook serve): the error overlay

overlay-title = Não foi possível gerar a última alteração
overlay-hint = Você está vendo a última versão boa. Corrija os problemas abaixo e salve: esta página se atualiza sozinha.

## Offline reading (a language home's "Save for offline reading")

offline-save = Salvar para leitura offline
offline-size =
    { $count ->
        [one] { $count } página, { $size }
       *[other] { $count } páginas, { $size }
    }
offline-saving = Salvando para leitura offline…
offline-saved = Salvo: as páginas e a busca deste idioma funcionam sem conexão.
offline-remove = Remover a cópia offline
offline-failed = Não foi possível salvar tudo. Verifique a conexão e tente novamente.

## Review: owners, review dates, translations behind

reviewed-by = Revisado em { $date } por { $owner }
reviewed-on = Revisado em { $date }
owned-by = Responsável: { $owner }
edit-page = Editar esta página
newer-translation = A versão em { $language } desta página foi atualizada em { $date }, depois desta.
newer-translation-link = Ler a versão em { $language }
not-translated = Este artigo ainda não foi traduzido para { $language }.
not-translated-related = Artigos em { $language } sobre os mesmos tópicos:
not-translated-home = Ver os artigos em { $language }
not-translated-short = sem tradução
translated-notice = Este artigo também está disponível em { $language }:
review-title = Revisão
review-intro = Para editores: o que precisa ser verificado neste idioma em { $date }. A navegação do site não traz aqui, e os motores de busca são instruídos a não indexar esta página.
review-overdue = Revisão atrasada
review-due = revisão prevista para { $date }
review-never = nunca revisado
review-not-tracked = Nenhum intervalo de revisão definido: adicione [review] every = "12 months" ao site.toml, ou review_every a uma página.
review-no-owner = Sem responsável
review-missing = Sem tradução neste idioma
review-stale = Mais antigas que a versão em outro idioma
review-more = …e mais { $count }: `polybook check --review` lista todas.
review-none = Nada aqui.

callout-note = Nota
callout-tip = Dica
callout-important = Importante
callout-warning = Atenção
callout-caution = Cuidado
