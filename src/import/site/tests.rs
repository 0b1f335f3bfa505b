use super::page::{address_of, target_of};
use super::*;

#[test]
fn index_pages_take_their_folders_address() {
    let page = |rel: &str| SourcePage {
        file: PathBuf::from(rel),
        lang: "es".into(),
        rel: rel.into(),
    };
    assert_eq!(
        target_of(&page("guias/index.mdx")),
        ("es/guias.md".into(), true)
    );
    assert_eq!(target_of(&page("index.md")), ("es/index.md".into(), true));
    assert_eq!(
        target_of(&page("guias/rutas.mdx")),
        ("es/guias/rutas.md".into(), false)
    );
    assert_eq!(address_of("es/guias/rutas.md", None), "es/guias/rutas/");
    assert_eq!(
        address_of("es/Guías Rápidas/Q&A.md", None),
        "es/guias-rapidas/q-and-a/"
    );
    assert_eq!(
        address_of("es/guias/rutas.md", Some("caminos")),
        "es/guias/caminos/"
    );
}
