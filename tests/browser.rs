//! DOM behaviour in headless Chromium (wasm-bindgen-test): the real app is mounted on a project
//! with astral characters and emoji, and DOM selections map to code point offsets.
#![cfg(target_arch = "wasm32")]

use biaozhu::core::project_json::export_project;
use biaozhu::core::{CharRange, Command, DocId, Document, Project, Session};
use biaozhu::ui::app::App;
use biaozhu::ui::browser::selection_in;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

/// 甲0 𠀀1 乙2 😀3 丙4 丁5 戊6 \n7 己8 庚9 👩10 ZWJ11 💻12 辛13 <14 …
const TEXT: &str = "甲𠀀乙😀丙丁戊\n己庚👩\u{200d}💻辛<b>x</b>";

fn project() -> Project {
    let mut s = Session::new(Project::new(biaozhu::core::schema::default_schema()));
    let id = DocId::from("t");
    s.apply(Command::AddDocument { at: 0, doc: Box::new(Document::new(id.clone(), "test", TEXT)) }).unwrap();
    s.add_span(&id, CharRange::new(0, 2), "PER").unwrap();
    s.add_span(&id, CharRange::new(2, 7), "DIRECTIVE").unwrap();
    s.add_span(&id, CharRange::new(4, 6), "LOC").unwrap();
    s.project().clone()
}

/// Yields to the event loop so Yew's scheduler renders and effects run.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
        web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    }
}

/// Deletes the app's IndexedDB database (an app mounted before has closed its connection).
async fn delete_database() {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.delete_database("biaozhu").unwrap();
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    wasm_bindgen_futures::JsFuture::from(done).await.expect("the database is deleted");
}

/// Mounts another app on the same page and storage (a second tab, as far as storage goes).
async fn mount_again() -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    wait_for(&root, "[data-testid=text-view]").await;
    Mounted { root, handle: Some(handle) }
}

/// Waits (up to a few seconds) until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str) {
    for _ in 0..500 {
        settle().await;
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("{selector} never showed");
}

/// Mounts the app on a fresh store holding `project()`, put where the localStorage version kept
/// it (so each mount also moves it into IndexedDB), and waits until storage has answered.
async fn mount() -> Mounted {
    delete_database().await;
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.set_item("biaozhu.project.v1", &export_project(&project())).unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    wait_for(&root, "[data-testid=text-view]").await;
    settle().await;
    Mounted { root, handle: Some(handle) }
}

fn view(m: &Mounted) -> Element {
    m.root.query_selector("[data-testid=text-view]").unwrap().expect("text view rendered")
}

fn span_el(m: &Mounted, label: &str) -> Element {
    m.root.query_selector(&format!("[data-testid=span][data-label={label}]")).unwrap().expect("span rendered")
}

/// The text node directly inside `element` whose text is `text`.
fn text_node(element: &Element, text: &str) -> Node {
    let children = element.child_nodes();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|n| n.node_type() == Node::TEXT_NODE && n.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("no text node «{text}»"))
}

fn select(start: (&Node, u32), end: (&Node, u32)) {
    let window = web_sys::window().unwrap();
    let range = window.document().unwrap().create_range().unwrap();
    range.set_start(start.0, start.1).unwrap();
    range.set_end(end.0, end.1).unwrap();
    let selection = window.get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().document().unwrap().dispatch_event(&event).unwrap();
}

fn span_count(m: &Mounted) -> String {
    m.root.query_selector("[data-testid=status]").unwrap().unwrap().get_attribute("data-span-count").unwrap()
}

#[wasm_bindgen_test]
async fn a_selection_across_span_elements_maps_to_code_points() {
    let m = mount().await;
    let directive = span_el(&m, "DIRECTIVE");
    let loc = span_el(&m, "LOC");
    // From after 乙 (inside the directive) to after 丙 (inside the LOC nested in it).
    select((&text_node(&directive, "乙😀"), 1), (&text_node(&loc, "丙丁"), 1));
    assert_eq!(selection_in(&view(&m)), Some(CharRange::new(3, 5)));
    // After the emoji: UTF-16 offset 3 in "乙😀" is code point 4 of the document.
    select((&text_node(&directive, "乙😀"), 3), (&text_node(&directive, "戊"), 1));
    assert_eq!(selection_in(&view(&m)), Some(CharRange::new(4, 7)));
}

#[wasm_bindgen_test]
async fn a_boundary_inside_a_surrogate_pair_snaps_to_whole_characters() {
    let m = mount().await;
    let per = text_node(&span_el(&m, "PER"), "甲𠀀");
    // UTF-16 offset 2 is between the two halves of 𠀀.
    select((&per, 0), (&per, 2));
    assert_eq!(selection_in(&view(&m)), Some(CharRange::new(0, 2)));
    select((&per, 2), (&per, 3));
    assert_eq!(selection_in(&view(&m)), Some(CharRange::new(1, 2)));
}

#[wasm_bindgen_test]
async fn element_boundaries_and_selections_across_paragraphs() {
    let m = mount().await;
    let paras = view(&m).query_selector_all("[data-para]").unwrap();
    let first: Node = paras.item(0).unwrap();
    let second: Element = paras.item(1).unwrap().dyn_into().unwrap();
    // Between the PER element and the end of the directive element.
    select((&first, 1), (&first, 2));
    assert_eq!(selection_in(&view(&m)), Some(CharRange::new(2, 7)));
    // From 戊 into the second paragraph, past the ZWJ sequence's first emoji.
    let directive = span_el(&m, "DIRECTIVE");
    select((&text_node(&directive, "戊"), 0), (&second.first_child().unwrap(), 4));
    assert_eq!(selection_in(&view(&m)), Some(CharRange::new(6, 11)));
    // A collapsed selection is no selection.
    select((&first, 1), (&first, 1));
    assert_eq!(selection_in(&view(&m)), None);
}

#[wasm_bindgen_test]
async fn a_hotkey_labels_the_selection_and_delete_removes_the_clicked_span() {
    let m = mount().await;
    assert_eq!(span_count(&m), "3");
    let second: Element =
        view(&m).query_selector_all("[data-para]").unwrap().item(1).unwrap().dyn_into().unwrap();
    let text = second.first_child().unwrap();
    // 己庚 with a trailing selection of nothing else: UTF-16 0..2.
    select((&text, 0), (&text, 2));
    press("o");
    settle().await;
    assert_eq!(span_count(&m), "4");
    let org = span_el(&m, "ORG");
    assert_eq!(org.get_attribute("data-start").as_deref(), Some("8"));
    assert_eq!(org.get_attribute("data-end").as_deref(), Some("10"));
    assert_eq!(org.text_content().as_deref(), Some("己庚"));

    org.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    settle().await;
    assert!(span_el(&m, "ORG").class_list().contains("ann--selected"));
    press("Delete");
    settle().await;
    assert_eq!(span_count(&m), "3");
    press("z"); // a bare z is not undo
    settle().await;
    assert_eq!(span_count(&m), "3");
}

#[wasm_bindgen_test]
async fn a_second_app_on_the_same_storage_is_read_only_until_it_takes_over() {
    let first = mount().await;
    wait_for(&first.root, "[data-testid=save-status][data-state=saved]").await;
    let text = |m: &Mounted, selector: &str| {
        m.root.query_selector(selector).unwrap().map(|e| e.text_content().unwrap()).unwrap_or_default()
    };
    assert!(text(&first, "[data-testid=storage-where]").contains("this tab saves every edit"));
    assert!(first.root.query_selector("[data-testid=writer-banner]").unwrap().is_none());
    // The project moved in from localStorage is what the second app reads.
    let second = mount_again().await;
    wait_for(&second.root, "[data-testid=writer-banner]").await;
    assert_eq!(span_count(&second), "3");
    assert!(text(&second, "[data-testid=storage-where]").contains("read-only"));
    assert!(second.root.query_selector("[data-testid=storage-free]").unwrap().is_none());
    // Edit here moves the banner to the first app.
    let edit_here = second.root.query_selector("[data-testid=edit-here]").unwrap().unwrap();
    edit_here.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    wait_for(&first.root, "[data-testid=writer-banner]").await;
    for _ in 0..100 {
        settle().await;
        if second.root.query_selector("[data-testid=writer-banner]").unwrap().is_none() {
            break;
        }
    }
    assert!(second.root.query_selector("[data-testid=writer-banner]").unwrap().is_none());
    assert!(text(&second, "[data-testid=storage-where]").contains("this tab saves every edit"));
    drop(second);
    drop(first);
}

#[wasm_bindgen_test]
async fn text_being_typed_in_a_field_survives_a_render_it_did_not_cause() {
    let m = mount().await;
    let field: web_sys::HtmlInputElement =
        m.root.query_selector("[data-testid=doc-annotator]").unwrap().unwrap().unchecked_into();
    field.set_value("张三😀");
    // Something else re-renders the editor (a span selected; a save reported works the same way).
    span_el(&m, "PER").dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    settle().await;
    assert!(span_el(&m, "PER").class_list().contains("ann--selected"));
    assert_eq!(field.value(), "张三😀", "the half-typed text is still there");
    // Committed with change, it becomes the document's annotator and stays.
    field.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(field.value(), "张三😀");
}

#[wasm_bindgen_test]
async fn document_text_is_never_parsed_as_html() {
    let m = mount().await;
    assert!(view(&m).query_selector("b").unwrap().is_none());
    assert!(view(&m).text_content().unwrap().contains("<b>x</b>"));
}

#[wasm_bindgen_test]
async fn the_stop_notice_offers_the_project_in_memory_and_never_parses_html() {
    let json = export_project(&project());
    biaozhu::ui::crash::show("panicked at <img src=x onerror=alert(1)>", Some(&json));
    let document = web_sys::window().unwrap().document().unwrap();
    let notice = document.query_selector("[data-testid=crash]").unwrap().expect("the notice is shown");
    assert!(notice.text_content().unwrap().contains("Saved is kept in this browser"));
    assert!(notice.query_selector("img").unwrap().is_none(), "the message is text, not HTML");
    let link: web_sys::HtmlAnchorElement =
        notice.query_selector("[data-testid=crash-export]").unwrap().unwrap().unchecked_into();
    assert_eq!(link.download(), "biaozhu-project.json");
    // The link's Blob holds the project as it was, readable without the app.
    let response =
        wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_str(&link.href()))
            .await
            .unwrap();
    let response: web_sys::Response = response.unchecked_into();
    let text = wasm_bindgen_futures::JsFuture::from(response.text().unwrap()).await.unwrap();
    assert_eq!(text.as_string().unwrap(), json);
    notice.remove();
}

/// Search patterns run by the browser's `RegExp`: offsets in code points (𠀀 and 😀 are one
/// each), empty matches stepped over without looping, an invalid pattern refused with a reason.
#[wasm_bindgen_test]
fn search_patterns_count_in_code_points() {
    use biaozhu::ui::browser_search::Pattern;
    let found = |pattern: &str, text: &str| -> Vec<(usize, usize)> {
        Pattern::new(pattern).unwrap().find(text).iter().map(|r| (r.start, r.end)).collect()
    };
    assert_eq!(found("[𠀀😀]", "甲𠀀乙😀"), vec![(1, 2), (3, 4)]);
    assert_eq!(found("a*", "𠀀a😀aa"), vec![(1, 2), (3, 5)]);
    assert_eq!(found("\\p{Script=Han}+", "a甲𠀀b乙"), vec![(1, 3), (4, 5)]);
    assert_eq!(found("\\d{1,2}月\\d{1,2}日", "😀3月10日和12月1日"), vec![(1, 6), (7, 12)]);
    assert_eq!(found(".", ""), Vec::<(usize, usize)>::new());
    // The same pattern again starts from the beginning.
    let pattern = Pattern::new("乙").unwrap();
    assert_eq!(pattern.find("甲乙").len(), 1);
    assert_eq!(pattern.find("乙乙").len(), 2);
    let refused = Pattern::new("(").err().expect("an unclosed group is refused");
    assert!(!refused.is_empty());
}

/// Hits are drawn as CSS highlights over the text nodes a paragraph is split into, without
/// adding elements; the current hit is drawn apart.
#[wasm_bindgen_test]
fn search_hits_are_highlighted_across_span_elements() {
    use biaozhu::ui::browser_search::{clear, paint};
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    // 甲0 𠀀1 乙2 😀3 丙4, in three text nodes.
    root.set_inner_html(r#"<p data-para="" data-start="10" data-end="15">甲<span>𠀀乙</span>😀丙</p>"#);
    document.body().unwrap().append_child(&root).unwrap();
    paint(&root, &[CharRange::new(11, 13), CharRange::new(13, 15)], Some(CharRange::new(13, 15)));
    let highlights = js_sys::Reflect::get(&js_sys::global(), &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"highlights".into()))
        .unwrap();
    let texts = |name: &str| -> Vec<String> {
        let get: js_sys::Function =
            js_sys::Reflect::get(&highlights, &"get".into()).unwrap().unchecked_into();
        let highlight = get.call1(&highlights, &name.into()).unwrap();
        if highlight.is_undefined() {
            return Vec::new();
        }
        js_sys::try_iter(&highlight)
            .unwrap()
            .unwrap()
            .map(|range| range.unwrap().unchecked_into::<web_sys::Range>().to_string().into())
            .collect()
    };
    assert_eq!(texts("search-hit"), vec!["𠀀乙".to_string(), "😀丙".to_string()]);
    assert_eq!(texts("search-current"), vec!["😀丙".to_string()]);
    assert_eq!(root.query_selector_all("*").unwrap().length(), 2, "no element was added");
    clear();
    assert!(texts("search-hit").is_empty());
    root.remove();
}
